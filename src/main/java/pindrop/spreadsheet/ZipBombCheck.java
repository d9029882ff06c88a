package pindrop.spreadsheet;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

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
 * <p>
 * While inflating, every part is also read as XML for its cells' {@code r} references: fastexcel gives a row
 * one slot per column up to its rightmost cell, so a single {@code <c r="ZZZZZZ2">} in a tiny file takes
 * 321 million slots and runs out of memory before pindrop sees the row. Every part, not only
 * xl/worksheets/*.xml: fastexcel opens the sheets under whatever names the workbook's relationships give
 * them, and takes any element named {@code c} as a cell whatever its namespace. A part is read as far as it
 * is well-formed XML, which is also as far as fastexcel's parser reads it; images and the like stop at once.
 * fastexcel reads nothing else that sizes a row: not {@code <dimension>}, not a row's {@code spans}, and a
 * row's own {@code r} is a number only.
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

    private static final XMLInputFactory XML = xmlInputFactory();

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
                checkPart(zip, entry, fileName, buffer);
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

    /** Inflates the part once: counted against its declared size, and read for its cells' columns on the way. */
    private static void checkPart(ZipFile zip, ZipEntry entry, String fileName, byte[] buffer)
            throws RejectedFileException, IOException {
        try (InputStream inflated = zip.getInputStream(entry)) {
            Bounded in = new Bounded(inflated, entry.getSize());
            checkCellColumns(in, fileName);
            while (in.read(buffer) >= 0) { // what the XML reader left: after an error, or past the root element
            }
            if (in.left < 0) {
                throw new RejectedFileException(fileName + " is not a valid XLSX file (" + entry.getName()
                        + " expands to more than its zip directory says: a zip bomb?)");
            }
        }
    }

    private static void checkCellColumns(InputStream part, String fileName) throws RejectedFileException {
        try {
            XMLStreamReader xml = XML.createXMLStreamReader(part);
            try {
                while (xml.hasNext()) {
                    if (xml.next() == XMLStreamConstants.START_ELEMENT && xml.getLocalName().equals("c")) {
                        // fastexcel asks for attribute r in no particular namespace: check r in every one
                        for (int i = 0; i < xml.getAttributeCount(); i++) {
                            if (xml.getAttributeLocalName(i).equals("r")) {
                                checkColumn(xml.getAttributeValue(i), fileName);
                            }
                        }
                    }
                }
            } finally {
                xml.close();
            }
        } catch (XMLStreamException e) {
            // not XML, or no longer: fastexcel's parser stops at the same error, before any cell past it
        }
    }

    /**
     * Reads the column as fastexcel's CellAddress does: after an optional $, the characters up to a $ or a
     * digit. A character there other than a letter makes fastexcel refuse the cell before it makes the row.
     */
    private static void checkColumn(String reference, String fileName) throws RejectedFileException {
        int start = reference.startsWith("$") ? 1 : 0;
        int end = start;
        while (end < reference.length() && reference.charAt(end) != '$' && !isAsciiDigit(reference.charAt(end))) {
            end++;
        }
        String letters = reference.substring(start, end);
        long column = 0;
        for (int i = 0; i < letters.length(); i++) {
            char letter = letters.charAt(i);
            int value = letter >= 'A' && letter <= 'Z' ? letter - 'A' + 1
                    : letter >= 'a' && letter <= 'z' ? letter - 'a' + 1 : 0;
            if (value == 0) {
                return;
            }
            column = column * 26 + value;
            if (column > RowLimits.MAX_COLUMNS) { // before a long run of letters can overflow
                String shown = letters.length() <= 10 ? letters : letters.substring(0, 10) + "...";
                throw new RejectedFileException(fileName + " has a cell in column " + shown + ", beyond the "
                        + RowLimits.MAX_COLUMNS + " columns pindrop reads: not read");
            }
        }
    }

    private static boolean isAsciiDigit(char c) {
        return c >= '0' && c <= '9';
    }

    /**
     * No DTD, so no entities to expand or fetch. The JDK's limits on names and attributes are lifted: fastexcel's
     * parser (Aalto) has none, and a part this reader gave up on early would hide the cells fastexcel still reads.
     * What they guarded against is bounded here already by the part's size.
     */
    private static XMLInputFactory xmlInputFactory() {
        XMLInputFactory factory = XMLInputFactory.newDefaultFactory();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        factory.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, true);
        for (String limit : new String[] {"jdk.xml.maxXMLNameLimit", "jdk.xml.elementAttributeLimit",
                "jdk.xml.totalEntitySizeLimit", "jdk.xml.maxGeneralEntitySizeLimit", "jdk.xml.entityExpansionLimit"}) {
            factory.setProperty(limit, Integer.MAX_VALUE); // the StAX reader takes 0 as a limit of 0
        }
        return factory;
    }

    /**
     * Counts what a part inflates to, and ends it one byte past its declared size: the XML reader is never fed
     * more than the checked size, and that byte tells a directory that understates the size.
     */
    private static final class Bounded extends FilterInputStream {

        private long left;

        Bounded(InputStream in, long declaredSize) {
            super(in);
            left = declaredSize;
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xFF;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            if (left < 0) {
                return -1;
            }
            int read = super.read(b, off, (int) Math.min(len, left + 1));
            if (read > 0) {
                left -= read;
            }
            return read;
        }

        /** The JDK's XML reader closes its input at the end of the document; what follows is still to be counted. */
        @Override
        public void close() {
        }

        @Override
        public long skip(long n) throws IOException { // counted too, not passed on uncounted
            int most = (int) Math.min(Math.max(n, 0), 8192);
            return Math.max(read(new byte[most], 0, most), 0);
        }
    }
}
