"""The PostgreSQL backend (psycopg 3 and its pool): the shared store of several replicas, one
module per port family, named as in storage/sqlite/."""
