-- Where in Kafka the stored version of a user was read: with produced_at, the order that decides
-- which version of a user is newer (equal or missing produced_at: the later offset wins; the record
-- key is the user id, so versions of one user share a partition). NULL in rows stored before V2:
-- any version with the same or a later produced_at replaces them once.
ALTER TABLE users
    ADD COLUMN kafka_partition INT    NULL,
    ADD COLUMN kafka_offset    BIGINT NULL;
