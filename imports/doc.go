// Package imports reads circuit spreadsheets, the CSV and XLSX exports of
// carrier portals and finance tools, into typed, validated rows.
//
// Open detects the file type from its content, picks the sheet and finds
// the header below any title rows; DetectMapping and ResolveMapping match
// headers to circuit fields through a synonyms table; each cell is parsed
// as its field needs (money, dates, enums, speeds, percents) and each row
// validated. Preview summarises an upload for the user; Scan hands every
// row to the commit step. Reading touches no database; Service keeps the
// uploads as import jobs and commits them through the network service.
//
// docs/imports.md describes the synonyms, accepted value formats, row
// numbering and limits for users.
package imports
