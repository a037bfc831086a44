/** Usage texts of `atlas` and its subcommands. */

const INPUTS = `Inputs are read by content and extension: CSV/TSV (UTF-8 with or without BOM, UTF-16 with
BOM, GBK/GB18030; comma, semicolon, tab or pipe, guessed; blank lines before the header skipped;
lon/lat columns named lon, lng, long, longitude, x, 经度 / lat, latitude, y, 纬度, or a WKT POINT
column; x/y in Web Mercator metres converted), spreadsheets (.xlsx, .xlsm, .xls, .ods: the first
sheet, or --sheet NAME; the same columns as CSV; cached formula values, never recalculated),
GeoJSON, KML, GPX, zipped Shapefile. Binary files given as text (a PNG or .xlsx named .csv) and
files with no usable row are refused.`;

const SHEET = `  --sheet NAME             the sheet of a spreadsheet input (default: the first)`;

const COMMON = `  --progress               progress messages on stderr (default: only when stderr is a terminal)
  -h, --help               this help`;

export const COMMAND_HELP: Record<string, string> = {
  area: `Usage: atlas area <file> [--id-field FIELD]

Ellipsoidal (WGS84) area of every Polygon/MultiPolygon feature, holes subtracted (self-intersecting
polygons are repaired, with a warning; any other feature is invalid input).
  -> {"features":[{"id":ID,"area_m2":N}],"total_m2":N}

  --id-field FIELD         property holding the id (else the feature's id, else properties.id,
                           else its 0-based position)
${COMMON}`,

  totals: `Usage: atlas totals --regions <regions> --points <points> [--sum FIELD]... [--by FIELD]
                   [--id-field FIELD] [--crs wgs84|gcj02|bd09] [--regions-crs wgs84|gcj02|bd09]

Per region: points inside (the boundary counts as inside), sums of numeric fields (blank or
non-numeric values are skipped and counted in "missing"), counts by a field's values, region area.
  -> {"regions":[{"id":ID,"area_m2":N,"count":N,"sums":{FIELD:N},"missing":{FIELD:N},"by":{VALUE:N}}],
      "skipped":[{"row"|"feature":N,"field":F,"reason":"..."}]}
Skipped points: "row" is the 1-based data row of a table (CSV), "feature" the 0-based position of
a feature (GeoJSON, KML...).

  --regions FILE           polygons (GeoJSON, KML, zipped Shapefile...)
  --points FILE            points (CSV or point features)
  --sum FIELD              numeric field to sum (repeatable)
  --by FIELD               field whose values are counted
  --id-field FIELD         property holding the region id
  --crs DATUM              datum of the --points file: wgs84 (default), gcj02 (Amap, Tencent) or
                           bd09 (Baidu); converted to WGS84
  --regions-crs DATUM      datum of the --regions file (default wgs84)
  --sheet NAME             the sheet of a spreadsheet --points file (default: the first)
${COMMON}`,

  nearest: `Usage: atlas nearest --from <points> --to <features> [--k N] [--max-distance METRES]
                    [--id-field FIELD] [--crs DATUM] [--to-crs DATUM]

The k nearest features to each point, by geodesic distance on WGS84 (to a polygon: distance to
its edge, 0 inside).
  -> {"results":[{"id":ID,"nearest":[{"id":ID,"distance_m":N}]}]}

  --from FILE              points (CSV or point features)
  --to FILE                features of any geometry, or a CSV of points
  --k N                    how many (default 1)
  --max-distance METRES    only features within this distance
  --id-field FIELD         property/column holding the ids (both files)
  --crs DATUM              datum of the --from file: wgs84 (default), gcj02 or bd09
  --to-crs DATUM           datum of the --to file (default wgs84)
  --sheet NAME             the sheet of spreadsheet inputs (default: the first)
${COMMON}`,

  coverage: `Usage: atlas coverage --parks <parks> --regions <regions> [--rule gbt50563|walk:METRES]
                     [--residential <landuse>] [--population <file> --pop-field FIELD]
                     [--id-field FIELD]

Park service-radius coverage (公园绿地服务半径覆盖率, GB/T 50563): the share of each region (or of
the residential land inside it) within the service radius of a qualifying park, measured from
the park's edge.
  -> {"regions":[{"id":ID,"area_m2":N,"denominator_m2":N,"covered_m2":N,"share":0..1,
                  "population":N|null,"population_covered":N|null}]}

  --parks FILE             park polygons
  --regions FILE           region polygons
  --rule RULE              gbt50563 (default: >= 5,000 m² serves 500 m, 2,000-5,000 m² 300 m),
                           gbt50563:historic (also >= 1,000 m² serves 300 m), or walk:METRES
                           (every park serves METRES, 50 to 5000, e.g. walk:500)
  --residential FILE       residential land polygons: the denominator becomes residential land
  --population FILE        population points (CSV or point features) or polygons (area-weighted)
  --pop-field FIELD        the population field (required with --population)
  --id-field FIELD         property holding the region id
All inputs are read as WGS84: convert other datums first with 'atlas convert --crs'.
${COMMON}`,

  convert: `Usage: atlas convert <input> [--crs wgs84|gcj02|bd09] [-o out.geojson] [--sheet NAME]

Any supported input as a GeoJSON FeatureCollection in WGS84 (rows or features that cannot be read
are left out and reported on stderr).

  --crs DATUM              datum of the input: wgs84 (default), gcj02 (Amap, Tencent) or bd09
                           (Baidu); every coordinate is converted to WGS84
  -o, --output FILE        write to FILE instead of stdout
  --format ID              read as csv, geojson, kml, gpx, shapefile or xlsx whatever the extension
${SHEET}
${COMMON}`,

  validate: `Usage: atlas validate <input> [--format ID] [--sheet NAME]

Checks a file: exit 0 with a summary, or exit 1 with every problem found on stdout:
  {"errors":[{"row"|"feature":N,"field":"...","reason":"..."}]}
(rows are 1-based data rows of a table; features are 0-based positions in their collection).

  --format ID              read as csv, geojson, kml, gpx, shapefile or xlsx whatever the extension
${SHEET}
${COMMON}`,
  user: `Usage: atlas user add NAME --role admin|editor|viewer --password-stdin
       atlas user passwd NAME --password-stdin

Users of the atlas server, in the database the server uses: DATABASE_URL (PostgreSQL), else the
embedded database in ATLAS_DATA_DIR (default ./.atlas; stop the server first, the directory can
be used by one process at a time). Migrations are applied first, so the first admin can be
created before the first start. The password is read from standard input (one trailing newline
dropped), at least 10 characters; there is no default password. 'passwd' ends the user's
sessions.
  -> {"user":{"name":NAME,"role":ROLE}}

  --role ROLE              admin, editor or viewer ('add' only)
  --password-stdin         read the password from standard input (required)
  -h, --help               this help`,
};

export const MAIN_HELP = `Usage: atlas <command> [options]

Planning Atlas analytics on the command line: the same functions as the app, geodesic on WGS84.
JSON goes to stdout, messages to stderr. Exit 0 on success, 1 on invalid input, 2 on a usage error.

Commands:
  area <file>                                  area of each polygon
  totals --regions R --points P [--sum F]... [--by F]
                                               points, sums and counts per region
  nearest --from P --to F [--k N]              k nearest features to each point
  coverage --parks P --regions R [--rule ...]  park service-radius coverage per region
  convert <input> [--crs ...] [-o out]         any input to GeoJSON (WGS84)
  validate <input>                             check a file, row by row
  user add|passwd NAME --password-stdin        users of the atlas server (its database)

Run 'atlas <command> --help' for a command's options.

${INPUTS}
`;
