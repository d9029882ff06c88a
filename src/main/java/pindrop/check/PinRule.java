package pindrop.check;

import java.util.Optional;

/**
 * Webex's rule for a host or audio PIN, checked before any call: a rejected PIN still costs a call from a
 * small budget. Wrap-around runs (7890, 8901, 0987) are refused too: they are just as easy to guess.
 */
public final class PinRule {

    private static final String DIGITS_UP = "01234567890123";
    private static final String DIGITS_DOWN = "98765432109876";

    /** The reason this PIN would be refused, or empty when Webex should accept it. */
    public Optional<String> problem(String pin) {
        if (pin == null || pin.isEmpty()) {
            return Optional.of("PIN is empty");
        }
        if (!pin.chars().allMatch(c -> c >= '0' && c <= '9')) {
            return Optional.of("PIN must be 4 digits, found characters other than 0-9");
        }
        if (pin.length() < 4) {
            return Optional.of("PIN has " + pin.length() + " digit" + (pin.length() == 1 ? "" : "s")
                    + ", 4 are needed: the spreadsheet probably dropped a leading zero (format the column as text)");
        }
        if (pin.length() > 4) {
            return Optional.of("PIN has " + pin.length() + " digits, 4 are needed");
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
