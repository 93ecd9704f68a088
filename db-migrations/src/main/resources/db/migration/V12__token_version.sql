-- Token version (issue 16): every token names the account's version, and every request checks it.
-- Disabling or enabling an account, or changing its roles or scope, adds one in the same
-- transaction, so the tokens issued before stop working at once instead of after their 12 hours.
ALTER TABLE app_user
    ADD COLUMN token_version BIGINT NOT NULL DEFAULT 1,
    ADD CONSTRAINT ck_app_user_token_version CHECK (token_version >= 1);
