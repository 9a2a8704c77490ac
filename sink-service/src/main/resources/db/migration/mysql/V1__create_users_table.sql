-- The original pipeline's columns (id, name, gender, country, state, city, email, dob_date, dob_age,
-- username, password) plus user_id, source, produced_at and ingested_at. Never edit after release:
-- add a V2 instead.
-- id stays a surrogate AUTO_INCREMENT key (fast clustered inserts); user_id is the idempotency key.
-- Encrypted columns are 512 wide: a Fernet token of a 255-byte plaintext is 448 characters.
CREATE TABLE users (
    id          BIGINT       NOT NULL AUTO_INCREMENT,
    user_id     CHAR(36)     NOT NULL,
    name        VARCHAR(255) NOT NULL,
    gender      VARCHAR(32)  NULL,
    country     VARCHAR(255) NULL,
    state       VARCHAR(255) NULL,
    city        VARCHAR(255) NULL,
    email       VARCHAR(512) NOT NULL,
    dob_date    DATE         NOT NULL,
    dob_age     INT          NULL,
    username    VARCHAR(512) NOT NULL,
    password    VARCHAR(512) NOT NULL,
    source      VARCHAR(32)  NULL,
    produced_at TIMESTAMP(6) NULL,
    ingested_at TIMESTAMP(6) NOT NULL,
    PRIMARY KEY (id),
    CONSTRAINT uk_users_user_id UNIQUE (user_id)
) ENGINE = InnoDB
  DEFAULT CHARSET = utf8mb4
  COLLATE = utf8mb4_unicode_ci;
