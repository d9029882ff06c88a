package pindrop.spreadsheet;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.util.regex.Pattern;

/**
 * A number from an XLSX cell as the user sees it in Excel: 3421 rather than 3421.0, never E-notation,
 * and with format "0000" (the usual way to keep a PIN's leading zeros visible) 123 as 0123. Other number
 * formats (thousands separators, decimals, dates) are not rendered: the plain value is what matters here.
 */
final class DisplayedNumber {

    private static final Pattern ZERO_PADDED = Pattern.compile("0+");
    /** Excel numbers are doubles (exponent within ±308); anything far beyond is not worth expanding. */
    private static final int MAX_PLAIN_SCALE = 400;

    private DisplayedNumber() {
    }

    static String of(BigDecimal value, String format) {
        BigDecimal number = value.stripTrailingZeros();
        if (Math.abs(number.scale()) > MAX_PLAIN_SCALE) {
            return number.toString();
        }
        if (format != null && ZERO_PADDED.matcher(format).matches()) {
            // Excel shows a whole number under such a format, rounding halves away from zero
            BigInteger whole = number.setScale(0, RoundingMode.HALF_UP).toBigIntegerExact();
            String digits = whole.abs().toString();
            String padded = "0".repeat(Math.max(0, format.length() - digits.length())) + digits;
            return whole.signum() < 0 ? "-" + padded : padded;
        }
        return number.toPlainString();
    }
}
