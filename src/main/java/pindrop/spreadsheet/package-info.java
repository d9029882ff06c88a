/**
 * Reading the spreadsheet a user dropped: CSV or XLSX, streamed row by row, each cell as the user sees it.
 * <p>
 * {@link pindrop.spreadsheet.SpreadsheetReader#open} either rejects the file as a whole
 * ({@link pindrop.spreadsheet.RejectedFileException}, nothing sent) or hands out its data rows; a problem
 * found later, mid-stream, is a {@link pindrop.spreadsheet.SpreadsheetException} naming the row.
 * <ul>
 * <li>Row 1 is the header. Rows are numbered as in the spreadsheet; wholly blank rows are skipped.
 * <li>Header cells must be unique ignoring case and whitespace; a column with a blank header cell is left out.
 * <li>CSV: UTF-8 (BOM or not), UTF-16 with BOM, else windows-1252, decided from the bytes; separator
 * {@code ,} {@code ;} or TAB, taken from the header line. Memory stays constant whatever the length.
 * <li>XLSX: the first visible sheet. Numbers as Excel shows them under the General format or a
 * zero-padding format such as {@code 0000}; other number formats, dates included, read as the plain
 * number. Memory grows with the workbook's shared-strings table (all distinct texts, about 100 bytes
 * each), which fastexcel-reader keeps in memory; rows themselves are streamed.
 * <li>Limits against hostile files, all above what a sheet of 200,000 rows needs. A field over
 * 100,000 characters, a CSV row over 1,000 columns, or a row over 1,000,000 characters in all stops the
 * reading at that row. An XLSX is refused whole, before fastexcel-reader opens it ({@code ZipBombCheck}),
 * when it expands to more than 1 GiB, any one part (the shared strings, a sheet, ...) to more than 100 MiB,
 * a part over 1 MiB is compressed more than 200 to 1, it has more than 10,000 parts, a part expands to more
 * than its zip directory says, or any cell lies beyond column 1,000 (ALL), even one only formatted:
 * fastexcel-reader would give its row a slot for every column up to it (321 million for ZZZZZZ).
 * Generated XLSX files of 200,000 rows expand to 37 MB (2 columns) and 124 MB (8 text columns), no part
 * over 63 MB, compressed 7 to 30 to 1; checking them takes 0.2 s and 0.9 s, of which reading their cells
 * 0.18 s and 0.8 s. At the part limit the shared strings take at most about 320 MB of heap.
 * </ul>
 */
package pindrop.spreadsheet;
