//! The index's database: SQLite (one file, the default) or PostgreSQL, through one `Any` pool and
//! one schema (`migrations/`, applied in order and recorded by sqlx).
//!
//! Writes are per batch of blocks: the events of the blocks and the position of the next block to
//! index commit together, and `(block_hash, event_index)` is the primary key, so an indexer killed
//! at any point resumes at the first block it had not committed, with no duplicate and no gap.

use crate::{
	error::Fail,
	row::{Fields, Row},
};
use futures::TryStreamExt;
use sqlx::{
	any::{AnyConnectOptions, AnyPoolOptions},
	migrate::{MigrateError, Migrator},
	query::Query,
	AnyPool, ColumnIndex, ConnectOptions, Database, Decode, Encode, Row as _, Type,
};
use std::{str::FromStr, time::Duration};

/// The schema, embedded: `migrations/*.sql`.
static MIGRATOR: Migrator = sqlx::migrate!("./migrations");

/// The columns of `events`, in the order [`Row`]s are written and read.
const COLUMNS: &str = "block_number, block_hash, event_index, timestamp_ms, extrinsic_index, \
	signer, spec_version, pallet, event, account, content_hash, case_id, report_id, registrar, \
	moderator, category, fields";

/// How the database is opened.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Access {
	/// To index: created if missing, the schema brought up to date.
	Write,
	/// To read: it must exist with this indexer's schema; nothing is written.
	Read,
}

/// An open index.
pub struct Db {
	pool: AnyPool,
	/// The SQLite file, whose rows are read in bulk with rusqlite on a thread of their own: sqlx
	/// copies every value of every row (twice through the `Any` driver) and hands rows over one
	/// at a time, which was most of an export's time.
	sqlite_file: Option<String>,
	/// `sqlite` or `postgres`, for messages.
	kind: &'static str,
}

/// Rows SQLite's thread hands over at a time, and chunks it may queue before it waits for them
/// to be taken: an export of any size holds a few thousand rows in memory.
const ROWS_PER_CHUNK: usize = 1024;
const CHUNKS_IN_FLIGHT: usize = 4;

/// Where the index is: a `postgres://` URL, a `sqlite:` URL or a plain file path (SQLite).
pub fn url_of(db: &str) -> Result<(String, &'static str), Fail> {
	if db.starts_with("postgres://") || db.starts_with("postgresql://") {
		return Ok((db.to_string(), "postgres"));
	}
	if let Some(path) = db.strip_prefix("sqlite://").or_else(|| db.strip_prefix("sqlite:")) {
		return Ok((format!("sqlite://{path}"), "sqlite"));
	}
	if db.contains("://") {
		return Err(Fail::usage(format!(
			"--db {db}: unknown database kind (give a file path, sqlite:PATH or postgres://...)"
		)));
	}
	Ok((format!("sqlite://{db}"), "sqlite"))
}

impl Db {
	/// Opens the index at `db` (see [`url_of`]).
	///
	/// For [`Access::Read`] a missing SQLite file is an error rather than a new empty index, and
	/// a schema that differs from this indexer's (older or newer) is refused; for
	/// [`Access::Write`] the schema is created or upgraded, but a newer one is refused before
	/// anything is written.
	pub async fn open(db: &str, access: Access) -> Result<Self, Fail> {
		sqlx::any::install_default_drivers();
		let (url, kind) = url_of(db)?;
		let sqlite_file = (kind == "sqlite").then(|| url["sqlite://".len()..].to_string());
		let mut url = url;
		if kind == "sqlite" {
			url.push_str(if access == Access::Write { "?mode=rwc" } else { "?mode=ro" });
		}
		let options = AnyConnectOptions::from_str(&url)
			.map_err(|e| Fail::usage(format!("--db {db}: {e}")))?
			.log_statements(log::LevelFilter::Off);
		let pool = AnyPoolOptions::new()
			// SQLite has one writer; PostgreSQL gets a few connections for readers.
			.max_connections(if kind == "sqlite" { 1 } else { 4 })
			.acquire_timeout(Duration::from_secs(30))
			.after_connect(move |conn, _| {
				Box::pin(async move {
					if kind == "sqlite" {
						// WAL: readers (exports) do not block the indexer, and a commit is one
						// append; NORMAL sync is durable across a process crash, which is what
						// resuming needs.
						sqlx::query("PRAGMA journal_mode = WAL").execute(&mut *conn).await?;
						sqlx::query("PRAGMA synchronous = NORMAL").execute(&mut *conn).await?;
						sqlx::query("PRAGMA busy_timeout = 30000").execute(&mut *conn).await?;
					}
					Ok(())
				})
			})
			.connect_with(options)
			.await
			.map_err(|e| open_error(db, kind, access, &e))?;
		let this = Self { pool, sqlite_file, kind };
		match access {
			Access::Write => MIGRATOR.run(&this.pool).await.map_err(|e| this.schema_error(e))?,
			Access::Read => this.check_schema().await?,
		}
		Ok(this)
	}

	/// The database kind, `sqlite` or `postgres`.
	pub fn kind(&self) -> &'static str {
		self.kind
	}

	fn schema_error(&self, error: MigrateError) -> Fail {
		match error {
			MigrateError::VersionMissing(version) => newer_schema(version),
			other => Fail::other(format!("cannot prepare the index's schema: {other}")),
		}
	}

	/// Refuses an index whose schema is not this indexer's.
	async fn check_schema(&self) -> Result<(), Fail> {
		let applied: Vec<i64> =
			sqlx::query_scalar("SELECT version FROM _sqlx_migrations ORDER BY version")
				.fetch_all(&self.pool)
				.await
				.map_err(|_| Fail::usage("the database holds no index (run `index` first)"))?;
		let known: Vec<i64> = MIGRATOR.iter().map(|m| m.version).collect();
		if let Some(newer) = applied.iter().find(|v| !known.contains(v)) {
			return Err(newer_schema(*newer));
		}
		if applied != known {
			return Err(Fail::usage(
				"the index's schema is older than this indexer's: run `index` once to upgrade it",
			));
		}
		Ok(())
	}

	/// The chain the index belongs to and the next block to index, if it has indexed any.
	pub async fn cursor(&self) -> Result<Option<(String, u64)>, Fail> {
		let row = sqlx::query("SELECT genesis_hash, next_block FROM chain WHERE id = 1")
			.fetch_optional(&self.pool)
			.await
			.map_err(db_error)?;
		row.map(|r| Ok((r.try_get(0).map_err(db_error)?, to_u64(r.try_get(1).map_err(db_error)?))))
			.transpose()
	}

	/// Where an index of the chain with `genesis_hash` resumes: `None` for a new index; an error
	/// for an index of another chain.
	pub async fn resume_point(&self, genesis_hash: &str) -> Result<Option<u64>, Fail> {
		match self.cursor().await? {
			Some((genesis, _)) if genesis != genesis_hash => Err(Fail::usage(format!(
				"the index belongs to another chain (genesis {genesis}, the node's is \
				 {genesis_hash}): use another --db"
			))),
			Some((_, next)) => Ok(Some(next)),
			None => Ok(None),
		}
	}

	/// Claims a new index for the chain with `genesis_hash`, starting at `first_block`; refuses
	/// one of another chain.
	pub async fn claim(&self, genesis_hash: &str, first_block: u64) -> Result<u64, Fail> {
		match self.resume_point(genesis_hash).await? {
			Some(next) => Ok(next),
			None => {
				sqlx::query("INSERT INTO chain (id, genesis_hash, next_block) VALUES (1, $1, $2)")
					.bind(genesis_hash.to_string())
					.bind(to_i64(first_block))
					.execute(&self.pool)
					.await
					.map_err(db_error)?;
				Ok(first_block)
			},
		}
	}

	/// Writes the rows of every block before `next_block` that the cursor has not passed yet, and
	/// moves the cursor to `next_block`, in one transaction.
	pub async fn commit(&self, rows: &[Row], next_block: u64) -> Result<(), Fail> {
		let mut tx = self.pool.begin().await.map_err(db_error)?;
		// Many rows per statement: one round trip (PostgreSQL) or one call into SQLite for
		// each, rather than one per row.
		for chunk in rows.chunks(ROWS_PER_INSERT) {
			let sql = multi_insert(
				&format!("INSERT INTO events ({COLUMNS})"),
				17,
				chunk.len(),
				"ON CONFLICT (block_hash, event_index) DO NOTHING",
			);
			let mut query = sqlx::query(&sql);
			for row in chunk {
				query = query
					.bind(to_i64(row.block))
					.bind(row.block_hash.clone())
					.bind(i64::from(row.event_index))
					.bind(to_i64(row.timestamp_ms))
					.bind(row.extrinsic.map(i64::from))
					.bind(row.signer.clone())
					.bind(i64::from(row.spec_version))
					.bind(row.pallet.clone())
					.bind(row.event.clone())
					.bind(row.account.clone())
					.bind(row.content_hash.clone())
					.bind(row.case_id.map(to_i64))
					.bind(row.report_id.map(to_i64))
					.bind(row.registrar.map(i64::from))
					.bind(row.moderator.clone())
					.bind(row.category.clone())
					.bind(row.fields.as_str().to_string());
			}
			query.execute(&mut *tx).await.map_err(db_error)?;
		}
		let mentions: Vec<(&String, &Row)> =
			rows.iter().flat_map(|row| row.mentions.iter().map(move |m| (m, row))).collect();
		for chunk in mentions.chunks(ROWS_PER_INSERT * 4) {
			let sql = multi_insert(
				"INSERT INTO mentions (subject, block_hash, event_index)",
				3,
				chunk.len(),
				"ON CONFLICT DO NOTHING",
			);
			let mut query = sqlx::query(&sql);
			for (subject, row) in chunk {
				query = query
					.bind((*subject).clone())
					.bind(row.block_hash.clone())
					.bind(i64::from(row.event_index));
			}
			query.execute(&mut *tx).await.map_err(db_error)?;
		}
		sqlx::query("UPDATE chain SET next_block = $1 WHERE id = 1")
			.bind(to_i64(next_block))
			.execute(&mut *tx)
			.await
			.map_err(db_error)?;
		tx.commit().await.map_err(db_error)
	}

	/// The rows `condition` selects (a `WHERE` clause over `events` with its `$n` parameters), in
	/// chain order.
	pub async fn rows(&self, condition: &str, params: &[Param]) -> Result<Vec<Row>, Fail> {
		let mut rows = Vec::new();
		self.each_row(condition, params, |row| {
			rows.push(row);
			Ok(())
		})
		.await?;
		Ok(rows)
	}

	/// Hands each row `condition` selects to `each`, in chain order, as it is read: an export
	/// writes the first rows while the database still reads the next.
	pub async fn each_row(
		&self,
		condition: &str,
		params: &[Param],
		mut each: impl FnMut(Row) -> Result<(), Fail>,
	) -> Result<(), Fail> {
		let sql = format!(
			"SELECT {COLUMNS} FROM events WHERE {condition} ORDER BY block_number, event_index"
		);
		let Some(file) = &self.sqlite_file else {
			let mut rows = bind(sqlx::query(&sql), params).fetch(&self.pool);
			let mut times = Times::default();
			while let Some(row) = rows.try_next().await.map_err(db_error)? {
				each(row_from(&SqlxColumns(&row), &mut times)?)?;
			}
			return Ok(());
		};
		let (chunks, mut received) = tokio::sync::mpsc::channel(CHUNKS_IN_FLIGHT);
		let (file, params) = (file.clone(), params.to_vec());
		let reader = tokio::task::spawn_blocking(move || {
			let read = read_sqlite(&file, &sql, &params, |chunk| chunks.blocking_send(Ok(chunk)));
			if let Err(fail) = read {
				// The receiver reports it; if it is gone, the export stopped already.
				let _ = chunks.blocking_send(Err(fail));
			}
		});
		while let Some(chunk) = received.recv().await {
			for row in chunk? {
				each(row)?;
			}
		}
		reader
			.await
			.map_err(|e| Fail::other(format!("the index's reader stopped: {e}")))
	}

	/// How many events the index holds per `(pallet, event)`.
	pub async fn counts(&self) -> Result<Vec<(String, String, u64)>, Fail> {
		let rows = sqlx::query(
			"SELECT pallet, event, COUNT(*) FROM events GROUP BY pallet, event ORDER BY pallet, event",
		)
		.fetch_all(&self.pool)
		.await
		.map_err(db_error)?;
		rows.iter()
			.map(|r| {
				Ok((
					r.try_get(0).map_err(db_error)?,
					r.try_get(1).map_err(db_error)?,
					to_u64(r.try_get(2).map_err(db_error)?),
				))
			})
			.collect()
	}

	/// Closes the pools, flushing SQLite's write-ahead log.
	pub async fn close(self) {
		self.pool.close().await;
	}
}

/// Rows per `INSERT` statement: 17 parameters each stays far below both databases' limits.
const ROWS_PER_INSERT: usize = 100;

/// `head VALUES ($1, ..., $columns), (...), ... tail` for `rows` rows.
fn multi_insert(head: &str, columns: usize, rows: usize, tail: &str) -> String {
	let tuples: Vec<String> = (0..rows)
		.map(|r| {
			let params: Vec<String> =
				(1..=columns).map(|c| format!("${}", r * columns + c)).collect();
			format!("({})", params.join(", "))
		})
		.collect();
	format!("{head} VALUES {} {tail}", tuples.join(", "))
}

/// A query parameter.
#[derive(Clone, Debug)]
pub enum Param {
	/// An integer column's value.
	Int(i64),
	/// A text column's value.
	Text(String),
}

/// `query` with `params` bound in order.
fn bind<'q, DB: Database>(
	mut query: Query<'q, DB, <DB as Database>::Arguments<'q>>,
	params: &'q [Param],
) -> Query<'q, DB, <DB as Database>::Arguments<'q>>
where
	i64: Encode<'q, DB> + Type<DB>,
	&'q str: Encode<'q, DB> + Type<DB>,
{
	for param in params {
		query = match param {
			Param::Int(n) => query.bind(*n),
			Param::Text(s) => query.bind(s.as_str()),
		};
	}
	query
}

/// Reads the rows of `sql` from the SQLite file `file` (read-only), handing them to `send` a chunk
/// at a time; stops early, with no error, when `send` refuses a chunk (the reader is gone).
fn read_sqlite<E>(
	file: &str,
	sql: &str,
	params: &[Param],
	mut send: impl FnMut(Vec<Row>) -> Result<(), E>,
) -> Result<(), Fail> {
	use rusqlite::{types::Value, OpenFlags};
	let sqlite = |e: rusqlite::Error| Fail::other(format!("database: {e}"));
	let connection = rusqlite::Connection::open_with_flags(
		file,
		OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX,
	)
	.map_err(sqlite)?;
	// The indexer may be committing: wait for it as the sqlx connections do.
	connection.busy_timeout(Duration::from_secs(30)).map_err(sqlite)?;
	let mut statement = connection.prepare(sql).map_err(sqlite)?;
	let values = params.iter().map(|p| match p {
		Param::Int(n) => Value::Integer(*n),
		Param::Text(s) => Value::Text(s.clone()),
	});
	let mut rows = statement.query(rusqlite::params_from_iter(values)).map_err(sqlite)?;
	let mut times = Times::default();
	let mut chunk = Vec::with_capacity(ROWS_PER_CHUNK);
	while let Some(r) = rows.next().map_err(sqlite)? {
		chunk.push(row_from(&SqliteColumns(r), &mut times)?);
		if chunk.len() == ROWS_PER_CHUNK &&
			send(std::mem::replace(&mut chunk, Vec::with_capacity(ROWS_PER_CHUNK))).is_err()
		{
			return Ok(());
		}
	}
	if !chunk.is_empty() {
		let _ = send(chunk);
	}
	Ok(())
}

/// Block times as RFC 3339, formatted once per block: the rows of a block share its timestamp.
#[derive(Default)]
struct Times {
	last: Option<(u64, String)>,
}

impl Times {
	fn of(&mut self, timestamp_ms: u64) -> String {
		match &self.last {
			Some((ms, text)) if *ms == timestamp_ms => text.clone(),
			_ => {
				let text = crate::row::time_of(timestamp_ms);
				self.last = Some((timestamp_ms, text.clone()));
				text
			},
		}
	}
}

/// A result row's columns, whichever driver read it: an integer or a text, `None` for NULL.
trait Columns {
	fn int(&self, i: usize) -> Result<Option<i64>, Fail>;
	fn text(&self, i: usize) -> Result<Option<&str>, Fail>;
}

/// A row read by sqlx (PostgreSQL).
struct SqlxColumns<'a, R>(&'a R);

impl<R> Columns for SqlxColumns<'_, R>
where
	R: sqlx::Row,
	usize: ColumnIndex<R>,
	for<'r> i64: Decode<'r, R::Database> + Type<R::Database>,
	for<'r> &'r str: Decode<'r, R::Database> + Type<R::Database>,
{
	fn int(&self, i: usize) -> Result<Option<i64>, Fail> {
		self.0.try_get(i).map_err(db_error)
	}

	fn text(&self, i: usize) -> Result<Option<&str>, Fail> {
		self.0.try_get(i).map_err(db_error)
	}
}

/// A row read by rusqlite (SQLite).
struct SqliteColumns<'a, 'r>(&'a rusqlite::Row<'r>);

impl Columns for SqliteColumns<'_, '_> {
	fn int(&self, i: usize) -> Result<Option<i64>, Fail> {
		let value = self.0.get_ref(i).map_err(|e| Fail::other(format!("database: {e}")))?;
		value.as_i64_or_null().map_err(|e| Fail::other(format!("database: {e}")))
	}

	fn text(&self, i: usize) -> Result<Option<&str>, Fail> {
		let value = self.0.get_ref(i).map_err(|e| Fail::other(format!("database: {e}")))?;
		value.as_str_or_null().map_err(|e| Fail::other(format!("database: {e}")))
	}
}

/// The [`Row`] of a result row's columns ([`COLUMNS`], in order).
fn row_from(columns: &impl Columns, times: &mut Times) -> Result<Row, Fail> {
	let null = |i: usize| Fail::other(format!("database: column {i} of a row is NULL"));
	let int = |i: usize| columns.int(i)?.ok_or_else(|| null(i));
	let opt_int = |i: usize| columns.int(i);
	let text = |i: usize| Ok::<_, Fail>(columns.text(i)?.ok_or_else(|| null(i))?.to_string());
	let opt_text = |i: usize| Ok::<_, Fail>(columns.text(i)?.map(str::to_string));
	let timestamp_ms = to_u64(int(3)?);
	Ok(Row {
		block: to_u64(int(0)?),
		block_hash: text(1)?,
		event_index: to_u32(int(2)?),
		time: times.of(timestamp_ms),
		timestamp_ms,
		extrinsic: opt_int(4)?.map(to_u32),
		signer: opt_text(5)?,
		spec_version: to_u32(int(6)?),
		pallet: text(7)?,
		event: text(8)?,
		account: opt_text(9)?,
		content_hash: opt_text(10)?,
		case_id: opt_int(11)?.map(to_u64),
		report_id: opt_int(12)?.map(to_u64),
		registrar: opt_int(13)?.map(to_u32),
		moderator: opt_text(14)?,
		category: opt_text(15)?,
		fields: Fields::parse(columns.text(16)?.ok_or_else(|| null(16))?)
			.map_err(|e| Fail::other(format!("a row's {e}")))?,
		mentions: Vec::new(),
	})
}

fn newer_schema(version: i64) -> Fail {
	Fail::usage(format!(
		"the index's schema (migration {version}) is newer than this indexer's: use the \
		 compliance-indexer that wrote it"
	))
}

fn open_error(db: &str, kind: &str, access: Access, error: &sqlx::Error) -> Fail {
	if kind == "sqlite" && access == Access::Read {
		return Fail::usage(format!("cannot open the index {db}: {error} (run `index` first)"));
	}
	Fail::unreachable(format!("cannot open the {kind} database {db}: {error}"))
}

/// A database error as the one line the tool prints.
pub fn db_error(error: sqlx::Error) -> Fail {
	Fail::other(format!("database: {error}"))
}

/// Block numbers, ids and timestamps fit `i64` (the databases' integer) for as long as a chain
/// can run; saturating keeps a corrupt value from wrapping.
fn to_i64(n: u64) -> i64 {
	i64::try_from(n).unwrap_or(i64::MAX)
}

fn to_u64(n: i64) -> u64 {
	u64::try_from(n).unwrap_or(0)
}

fn to_u32(n: i64) -> u32 {
	u32::try_from(n).unwrap_or(u32::MAX)
}
