package pindrop.spreadsheet;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * Refuses an XLSX that would expand beyond what pindrop can afford, before fastexcel-reader opens it:
 * fastexcel has no defence against zip bombs, and holds the shared strings, styles and sheet list in memory.
 * <p>
 * The sizes the zip directory declares are checked first, which costs nothing. A forged directory can
 * understate them, so then every part is inflated once, counted and dropped, and refused as soon as it holds
 * more than declared: whatever passes inflates to no more than its declared, checked size. fastexcel reads the
 * same directory through commons-compress, which takes the first of two parts of one name where java.util.zip
 * takes the last, so a name given twice is refused too.
 * <p>
 * The size limit is on any one part, not only xl/sharedStrings.xml: fastexcel finds the shared strings, styles
 * and workbook under whatever names [Content_Types].xml gives them.
 */
final class ZipBombCheck {

    /** Generated 200,000-row sheets expand to 37 MB in all (2 columns) and 124 MB (8 text columns). */
    static final long MAX_TOTAL_BYTES = 1L << 30;
    /**
     * The largest part measured is the 8-column sheet itself, 63 MB, then its shared strings, 61 MB (17 MB with
     * 2 columns). At this limit the shared strings cost fastexcel at most about 320 MB of heap (6 million
     * one-letter texts); rows are streamed.
     */
    static final long MAX_PART_BYTES = 100L << 20;
    /** Those sheets compress 7 to 30 to 1; deflate reaches 1032 to 1 on repeated bytes. */
    static final int MAX_RATIO = 200;
    /** A smaller part may compress as well as it likes: it cannot expand to much. */
    static final long RATIO_CHECKED_ABOVE_BYTES = 1L << 20;
    /** Excel writes about ten parts, and one more per sheet, image or comment. */
    static final int MAX_PARTS = 10_000;

    private ZipBombCheck() {
    }

    /**
     * @throws RejectedFileException when the file is over a limit or its directory understates a part
     * @throws IOException when it is not a readable zip
     */
    static void check(Path file, String fileName) throws RejectedFileException, IOException {
        try (ZipFile zip = new ZipFile(file.toFile())) {
            if (zip.size() > MAX_PARTS) {
                throw new RejectedFileException(fileName + " has more than " + MAX_PARTS + " parts: not read (a zip bomb?)");
            }
            List<? extends ZipEntry> entries = Collections.list(zip.entries());
            checkDeclaredSizes(entries, fileName);
            byte[] buffer = new byte[65_536];
            for (ZipEntry entry : entries) {
                checkExpansion(zip, entry, fileName, buffer);
            }
        }
    }

    private static void checkDeclaredSizes(List<? extends ZipEntry> entries, String fileName) throws RejectedFileException {
        Set<String> names = new HashSet<>();
        long total = 0;
        for (ZipEntry entry : entries) {
            String name = entry.getName();
            long size = entry.getSize();
            if (!names.add(name)) {
                throw new RejectedFileException(fileName + " is not a valid XLSX file (it holds " + name + " twice)");
            }
            if (size < 0 || size > MAX_TOTAL_BYTES - total) { // a ZIP64 size of 2^63 or more reads as negative
                throw new RejectedFileException(fileName + " expands to more than " + (MAX_TOTAL_BYTES >> 30)
                        + " GiB: not read (a zip bomb?)");
            }
            total += size;
            if (size > RATIO_CHECKED_ABOVE_BYTES && size / MAX_RATIO > entry.getCompressedSize()) {
                throw new RejectedFileException(fileName + " is compressed more than " + MAX_RATIO + " to 1 (" + name
                        + "): not read (a zip bomb?)");
            }
            if (size > MAX_PART_BYTES) {
                throw new RejectedFileException(fileName + " has a part that expands to more than "
                        + (MAX_PART_BYTES >> 20) + " MiB (" + name + "): not read (split the rows over smaller files)");
            }
        }
    }

    private static void checkExpansion(ZipFile zip, ZipEntry entry, String fileName, byte[] buffer)
            throws RejectedFileException, IOException {
        long left = entry.getSize();
        try (InputStream in = zip.getInputStream(entry)) {
            int read;
            while ((read = in.read(buffer)) >= 0) {
                left -= read;
                if (left < 0) {
                    throw new RejectedFileException(fileName + " is not a valid XLSX file (" + entry.getName()
                            + " expands to more than its zip directory says: a zip bomb?)");
                }
            }
        }
    }
}
