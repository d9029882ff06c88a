package pindrop.check;

import java.util.Optional;

/**
 * Webex's rule for a host or audio PIN, checked before any call: a rejected PIN still costs a call from a
 * small budget. The length is the site's host PIN length for a host PIN (an option of the site), 4 for an audio
 * PIN. Repeated digits and runs are refused at any length; wrap-around runs (7890, 8901, 0987) too: they are
 * just as easy to guess.
 */
public final class PinRule {

    /** The audio PIN's length, and the host PIN's unless the site says otherwise. */
    public static final int DEFAULT_LENGTH = 4;

    private static final String DIGITS_UP = "0123456789012345678901234567890";
    private static final String DIGITS_DOWN = "9876543210987654321098765432109";
    /** A PIN this many digits short or fewer most likely lost leading zeros in the spreadsheet. */
    private static final int LOST_ZEROS = 3;

    private final int length;
    private final String whose;

    public PinRule() {
        this(DEFAULT_LENGTH, "");
    }

    /** @param whose how a reason names the length, e.g. " (the site's host PIN length)"; "" for none */
    public PinRule(int length, String whose) {
        if (length < 1 || length > DIGITS_UP.length() - 10) {
            throw new IllegalArgumentException("a PIN length must be 1 to " + (DIGITS_UP.length() - 10));
        }
        this.length = length;
        this.whose = whose;
    }

    /** The site's host PIN rule, for {@code pindrop.host-pin-length}. */
    public static PinRule hostPin(int length) {
        return new PinRule(length, length == DEFAULT_LENGTH ? "" : " (the site's host PIN length)");
    }

    /** The reason this PIN would be refused, or empty when Webex should accept it. */
    public Optional<String> problem(String pin) {
        if (pin == null || pin.isEmpty()) {
            return Optional.of("PIN is empty");
        }
        if (!pin.chars().allMatch(c -> c >= '0' && c <= '9')) {
            return Optional.of("PIN must be " + length + " digits" + whose + ", found characters other than 0-9");
        }
        if (pin.length() != length) {
            String counted = "PIN has " + pin.length() + " digit" + (pin.length() == 1 ? "" : "s") + ", " + length
                    + " are needed" + whose;
            // a PIN of Webex's default length on a site of longer PINs was written for the old length, not cut
            boolean lostZeros = pin.length() < length && length - pin.length() <= LOST_ZEROS
                    && pin.length() != DEFAULT_LENGTH;
            return Optional.of(lostZeros
                    ? counted + ": the spreadsheet probably dropped a leading zero (format the column as text)"
                    : counted);
        }
        if (pin.chars().distinct().count() == 1) {
            return Optional.of("PIN is one repeated digit, which Webex refuses");
        }
        if (DIGITS_UP.contains(pin) || DIGITS_DOWN.contains(pin)) {
            return Optional.of("PIN is a simple sequence, which Webex refuses");
        }
        return Optional.empty();
    }
}
