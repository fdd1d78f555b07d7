//! Writes the seed corpus (`compliance_fuzz::seeds`) to `fuzz/corpus/runtime/`.

fn main() {
	let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("corpus/runtime");
	std::fs::create_dir_all(&dir).expect("the corpus directory can be created");
	for (name, steps) in compliance_fuzz::seeds::seeds() {
		let path = dir.join(format!("seed-{name}"));
		std::fs::write(&path, compliance_fuzz::encode_steps(&steps))
			.unwrap_or_else(|e| panic!("cannot write {}: {e}", path.display()));
		println!("{}", path.display());
	}
}
