-- The chain this database indexes and how far: one row, written in the same transaction as the
-- events of the blocks it counts, so that a crash never leaves a block half indexed.
CREATE TABLE chain (
	id INTEGER PRIMARY KEY CHECK (id = 1),
	genesis_hash TEXT NOT NULL,
	next_block BIGINT NOT NULL
);

-- One row per compliance or governance event. (block_hash, event_index) identifies the event on
-- the chain: anyone can read it back from an archive node.
CREATE TABLE events (
	block_number BIGINT NOT NULL,
	block_hash TEXT NOT NULL,
	event_index BIGINT NOT NULL,
	timestamp_ms BIGINT NOT NULL,
	extrinsic_index BIGINT,
	signer TEXT,
	spec_version BIGINT NOT NULL,
	pallet TEXT NOT NULL,
	event TEXT NOT NULL,
	account TEXT,
	content_hash TEXT,
	case_id BIGINT,
	report_id BIGINT,
	registrar BIGINT,
	moderator TEXT,
	category TEXT,
	fields TEXT NOT NULL,
	PRIMARY KEY (block_hash, event_index)
);
CREATE UNIQUE INDEX events_by_position ON events (block_number, event_index);
CREATE INDEX events_by_account ON events (account);
CREATE INDEX events_by_content_hash ON events (content_hash);
CREATE INDEX events_by_case ON events (case_id);
CREATE INDEX events_by_report ON events (report_id);
CREATE INDEX events_by_registrar ON events (registrar);
CREATE INDEX events_by_moderator ON events (moderator);
CREATE INDEX events_by_category ON events (category);
CREATE INDEX events_by_kind ON events (pallet, event);
CREATE INDEX events_by_time ON events (timestamp_ms);

-- Every account and content hash an event names, in any field: what an export by account or
-- content hash starts from.
CREATE TABLE mentions (
	subject TEXT NOT NULL,
	block_hash TEXT NOT NULL,
	event_index BIGINT NOT NULL,
	PRIMARY KEY (subject, block_hash, event_index)
);
