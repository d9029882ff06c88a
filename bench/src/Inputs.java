import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;

/**
 * Benchmark input files: a header {@code webExId,hostPIN,department} and N rows of distinct users with PINs that
 * pass pindrop's PIN rule, so every row is sent and every row should end SUCCESS on a {@code --users-any}
 * simulator. Written under a hidden name and renamed, as a careful copy into the inbox would be.
 */
final class Inputs {

    private static final String[] DEPARTMENTS = {"Sales", "Finance", "Engineering", "Support", "Legal"};

    private Inputs() {
    }

    /** The 4-digit PINs Webex (and pindrop's PinRule) accept: not one repeated digit, no run up or down. */
    static List<String> validPins() {
        List<String> pins = new ArrayList<>();
        for (int i = 0; i < 10_000; i++) {
            String pin = String.format("%04d", i);
            if (pin.chars().distinct().count() > 1 && !"01234567890123".contains(pin)
                    && !"98765432109876".contains(pin)) {
                pins.add(pin);
            }
        }
        return pins;
    }

    static String user(String prefix, int i) {
        return prefix + i + "@acme.com";
    }

    static void csv(Path file, String userPrefix, int rows) throws IOException {
        List<String> pins = validPins();
        Path hidden = file.resolveSibling("." + file.getFileName() + ".writing");
        try (BufferedWriter out = Files.newBufferedWriter(hidden, StandardCharsets.UTF_8)) {
            out.write("webExId,hostPIN,department\n");
            for (int i = 0; i < rows; i++) {
                out.write(user(userPrefix, i));
                out.write(',');
                out.write(pins.get(i % pins.size()));
                out.write(',');
                out.write(DEPARTMENTS[i % DEPARTMENTS.length]);
                out.write('\n');
            }
        }
        Files.move(hidden, file);
    }

    /** An XLSX as Excel stores typed-in text: shared strings, one sheet. */
    static void xlsx(Path file, String userPrefix, int rows) throws IOException {
        List<String> pins = validPins();
        Path hidden = file.resolveSibling("." + file.getFileName() + ".writing");
        try (OutputStream out = Files.newOutputStream(hidden)) {
            Workbook workbook = new Workbook(out, "pindrop-bench", "1.0");
            Worksheet sheet = workbook.newWorksheet("Users");
            sheet.value(0, 0, "webExId");
            sheet.value(0, 1, "hostPIN");
            sheet.value(0, 2, "department");
            for (int i = 0; i < rows; i++) {
                int r = i + 1;
                sheet.value(r, 0, user(userPrefix, i));
                sheet.value(r, 1, pins.get(i % pins.size()));
                sheet.value(r, 2, DEPARTMENTS[i % DEPARTMENTS.length]);
                if (r % 10_000 == 0) {
                    sheet.flush(); // fastexcel keeps unflushed rows in memory
                }
            }
            sheet.finish();
            workbook.finish();
        }
        Files.move(hidden, file);
    }
}
