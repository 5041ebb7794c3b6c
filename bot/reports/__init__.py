"""Reports as neutral documents (status report, registers, one entry's record, decision log); rendering to Word lives in integrations/word."""
