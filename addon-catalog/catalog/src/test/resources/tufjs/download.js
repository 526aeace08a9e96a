// Refreshes a TUF repository with tuf-js (a client we did not write) and downloads one target.
// usage: node download.js METADATA_BASE_URL TARGET_BASE_URL METADATA_DIR TARGET_DIR TARGET_PATH
// METADATA_DIR must hold the trusted root.json. Prints one JSON line describing the verified target.
const path = require('path');
const { Updater } = require('tuf-js');

async function main() {
  const [metadataBaseUrl, targetBaseUrl, metadataDir, targetDir, targetPath] = process.argv.slice(2);
  const updater = new Updater({ metadataBaseUrl, targetBaseUrl, metadataDir, targetDir });
  await updater.refresh();
  const info = await updater.getTargetInfo(targetPath);
  if (!info) {
    throw new Error(`target ${targetPath} is not in the verified targets metadata`);
  }
  // downloadTarget checks the length and every hash targets.json signs before it keeps the file
  const file = await updater.downloadTarget(info, path.join(targetDir, 'downloaded.zip'));
  console.log(JSON.stringify({
    path: info.path,
    length: info.length,
    sha256: info.hashes.sha256,
    custom: info.custom,
    file,
  }));
}

main().catch((err) => {
  console.error(`tuf-js failed: ${err && err.name}: ${err && err.message}`);
  process.exit(1);
});
