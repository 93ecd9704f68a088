-- logMeal keeps its idempotency key on the meal record it made, as an offline record keeps its device's id: in
-- client_record_id, with the request's hash in client_hash, under uk_meal_record_client (site, key). The record's own
-- insert claims the key, and the counter's logMeal sends no statement to idempotency_key (issue 20). The keys of
-- logMeal calls made before this migration are carried onto their records, so that a repeat of one still answers
-- its first record; a key that would collide at its site (the same key used by two accounts there) is left out.
-- Their rows in idempotency_key expire with the others.
UPDATE IGNORE meal_record m
JOIN idempotency_key k ON k.result_id = m.id AND k.operation = 'logMeal' AND k.username = m.recorded_by
SET m.client_record_id = k.idem_key, m.client_hash = k.request_hash
WHERE m.client_record_id IS NULL AND m.origin = 'COUNTER';

