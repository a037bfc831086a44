/**
 * The English templates of the file readers' own messages (Shapefile, GeoJSON crs, KML/GPX, XLSX,
 * zip, text sniffing, RFC 7946 output, stored workspaces): part of THE catalogue in messages.ts,
 * kept here so that file stays short. `{name}` placeholders; a value may itself be a message
 * (nest/nestList in messages.ts). English is word for word what the CLI printed before codes.
 */

const GUESSED = 'guessed from the bytes';
const CPG_ADVICE =
  'add a .cpg file naming the code page (for example 936 for GBK) if names look wrong';
const MERCATOR =
  'coordinates are in Web Mercator (EPSG:3857) metres, not degrees: converted to WGS84 longitude/latitude';
const PRJ_IGNORED = 'ignored: coordinates taken as they are';

export const FORMAT_MESSAGES = {
  the_file: 'the file',
  list_more: ', …',
  // Shapefile (shapefile.ts, shp-parts.ts)
  shp_bytes_only: 'a zipped Shapefile must be read as bytes, not text',
  shp_not_zip:
    '{file} is not a zipped Shapefile: not a zip file (zip the .shp with its .dbf, .prj and .cpg)',
  shp_zip_unreadable: '{file} is not a zipped Shapefile: {error}',
  shp_no_shp: 'no .shp file in the zip (it holds {files}{more})',
  shp_no_shp_empty: 'no .shp file in the zip (it holds nothing)',
  shp_layers_unreadable: '{reasons}',
  shp_layer_left_out: '{reason}; layer left out',
  shp_layers_merged: '{count} layers ({names}) merged in this order',
  shp_no_header: '{shp} is not a Shapefile (no Shapefile header)',
  shp_unreadable: '{shp} could not be read: {error}',
  shp_padding: '{shp}: {count} empty records after the {indexed} listed in {shx} were ignored',
  shp_web_mercator: `{file}: ${MERCATOR}`,
  shp_not_lonlat:
    '{shp}: coordinates such as ({x}, {y}) are not longitude/latitude and no usable .prj says what they are',
  shp_dbf_unusable: '{dbf}: {error}; features have no attributes',
  shp_dbf_truncated: '{dbf} is truncated: {declared} records declared, {count} present',
  shp_no_dbf: '{layer}: no .dbf in the zip; features have no attributes',
  shp_records_extra:
    '{layer}: {shapes} shapes but {records} attribute records; the last {extra} records have no shape (the .shp may be truncated) and are left out',
  shp_records_missing:
    '{layer}: {shapes} shapes but {records} attribute records; shapes without a record have no attributes',
  shp_cpg_not_code_page: '{cpg}: "{text}" is not a code page; ignored',
  shp_source_cpg: '{cpg} "{text}"',
  shp_source_ldid: 'DBF language byte {byte}',
  shp_code_page_unsupported:
    '{dbf}: code page {page} ({source}) cannot be decoded here; letters outside ASCII were read as windows-1252 and may be wrong',
  shp_utf8_invalid: `{dbf}: {source} says UTF-8 but the attributes are not valid UTF-8; read as {encoding}, ${GUESSED}`,
  shp_ansi_guessed: `{dbf}: the code page is "ANSI" (DBF language byte 0x57: the system code page of the computer that wrote it, not stated) and there is no .cpg; attributes read as {encoding}, ${GUESSED}; ${CPG_ADVICE}`,
  shp_code_page_guessed: `{dbf}: no .cpg and no code page in the DBF header (language byte {byte}); attributes read as {encoding}, ${GUESSED}; ${CPG_ADVICE}`,
  shp_code_page_guessed_bad_cpg: `{dbf}: no usable .cpg and no code page in the DBF header (language byte {byte}); attributes read as {encoding}, ${GUESSED}; ${CPG_ADVICE}`,
  shp_prj_unreadable: `{prj} cannot be read as a projection (it starts "{start}"); ${PRJ_IGNORED}`,
  shp_prj_unknown: `{prj} cannot be read as a projection (proj4 does not know it); ${PRJ_IGNORED}`,
  dbf_too_short: 'shorter than a dBase header (32 bytes)',
  dbf_not_dbase: 'not a dBase file (its header lengths do not fit)',
  // zip.ts
  zip_entry_size: 'an entry is damaged (wrong size)',
  zip_no_directory: 'not a zip file, or a damaged one (no zip directory at its end)',
  zip64: 'zip64 archives are not supported',
  zip_directory_damaged: 'damaged zip directory',
  zip_encrypted: '{name} is encrypted',
  zip_entry_damaged: '{name}: damaged zip entry',
  zip_truncated: '{name}: the zip is truncated',
  zip_data_damaged: '{name}: damaged compressed data',
  zip_method: '{name}: compression method {method} is not supported',
  // GeoJSON crs member (geojson-crs.ts)
  crs_web_mercator: `declared crs {crs}: ${MERCATOR}`,
  crs_near_wgs84:
    'declared crs {crs}: read as WGS84 longitude/latitude (they differ by a few metres at most)',
  crs_refused:
    'this file is in {crs}; convert it to WGS84 (EPSG:4326) first (e.g. ogr2ogr -t_srs EPSG:4326, or QGIS "Export > Save Features As" with CRS EPSG:4326)',
  // KML/GPX (xml.ts, text.ts)
  xml_encoding: '{file}: {warning}',
  enc_utf8_invalid: `declared UTF-8 but is not valid UTF-8; read as GB18030, ${GUESSED}`,
  enc_as_gb18030: `GB18030, ${GUESSED}`,
  enc_not_utf16:
    'declared encoding "{declared}" but the bytes are not UTF-16 (no BOM); read as {as}',
  enc_unknown: 'declared encoding "{declared}" is not one this reader knows; read as {as}',
  enc_guessed: `not UTF-8 and no encoding declared; read as GB18030, ${GUESSED}`,
  xml_malformed_at: 'malformed XML at line {line}, column {column}: {error}',
  xml_malformed: 'malformed XML: {error}',
  xml_not_format: 'not {format}: the root element is <{root}>',
  xml_parser_warning: '{message}',
  // Spreadsheets (xlsx.ts)
  xlsx_bytes_only: 'a spreadsheet must be read as bytes, not text',
  xlsx_not_spreadsheet: 'not a spreadsheet (.xlsx, .xls or .ods)',
  xlsx_not_spreadsheet_kind: 'not a spreadsheet (.xlsx, .xls or .ods): this is {kind}',
  xlsx_unreadable: 'could not read the workbook: {error}',
  xlsx_no_sheet: 'the workbook has no sheet',
  xlsx_no_such_sheet: 'no sheet named {sheet}: the workbook has {sheets}',
  xlsx_not_worksheet: 'sheet {sheet} is not a worksheet (a chart?)',
  xlsx_other_sheets:
    'sheet {sheet}: {reason} (the workbook also has {others}: choose another sheet, --sheet NAME in the CLI)',
  // Binary files read as text (binary.ts, registry.ts)
  kind_png: 'a PNG image',
  kind_jpeg: 'a JPEG image',
  kind_gif: 'a GIF image',
  kind_tiff: 'a TIFF image',
  kind_webp: 'a WebP image',
  kind_pdf: 'a PDF document',
  kind_gzip: 'a gzip archive',
  kind_7z: 'a 7-Zip archive',
  kind_rar: 'a RAR archive',
  kind_sqlite: 'a SQLite database',
  kind_ole: 'an old Office file (.xls or .doc)',
  kind_shp: 'a Shapefile .shp (binary; zip it with its .dbf and .prj)',
  kind_xlsx: 'an Excel workbook (.xlsx)',
  kind_docx: 'a Word file (.docx)',
  kind_pptx: 'a PowerPoint file (.pptx)',
  kind_odf: 'an OpenDocument file',
  kind_zip_shp: 'a zip file (a zipped Shapefile?)',
  kind_zip: 'a zip file',
  not_text_kind: 'not a text file: this is {kind}, not {label}{fix}',
  fix_rename_xlsx: ': rename it .xlsx to import its first sheet',
  fix_rename_zip: ': rename it .zip to read it as a zipped Shapefile',
  not_text_utf16:
    'not a text file: it looks like UTF-16 text without a byte-order mark; save it as UTF-8 (or UTF-16 with a BOM)',
  not_text_nul: 'not a text file: it has NUL bytes (binary data), not {label}',
  not_text_control:
    'not a text file: {percent}% of its first {bytes} bytes are control characters (binary data), not {label}',
  unknown_format: 'unknown format {format}: use one of {formats}',
  load_failed: 'could not read as {format}: {error}',
  // Geometries (features.ts)
  geom_member: 'geometries[{index}]: {reason}',
  geom_clamped:
    '{vertices} {vertexWord} in {features} {featureWord} lay just beyond ±180° longitude or ±90° latitude (by at most {most}°, float rounding) and were moved onto the limit',
  geom_not_point: 'geometry type {type} is not a Point',
  // RFC 7946 output (rfc7946-write.ts)
  rfc_notes: '{notes}',
  rfc_extra_elements: 'extra position elements dropped (kept lon, lat, altitude)',
  rfc_ring_closed: 'unclosed ring closed',
  rfc_ring_dropped: 'ring with fewer than 3 distinct positions dropped',
  rfc_line_dropped: 'line with fewer than 2 positions dropped',
  rfc_bbox_dropped: 'bbox dropped: {reason}',
  rfc_bbox_outside: 'bbox dropped: it does not contain the geometry',
  rfc_properties_moved: 'properties that were not an object moved to {"value": ...}',
  rfc_id_dropped: 'id dropped: not a string or number ({id})',
  rfc_crs_dropped: '"crs" member dropped (not in RFC 7946)',
  rfc_member_dropped: '"{member}" member dropped (a Feature must not have it)',
  rfc_no_geometry: 'no usable geometry left',
  rfc_no_geometry_why: 'no usable geometry left ({why})',
  // Stored workspaces (workspace/*)
  ws_left_out: 'left out: {reason}',
  ws_features_left_out: '{count} stored feature(s) left out (first: {first})',
  ws_layer_left_out: '{count} stored feature(s) and so the layer left out (first: {first})',
  region_nothing_left: 'self-intersecting polygon: nothing left after repair',
} as const satisfies Record<string, string>;
