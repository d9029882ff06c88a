package pindrop.outcome;

import java.util.List;

/**
 * What happened to one data row. {@code input} holds the row's own cells in header order, kept only for
 * rows that go to the retry file.
 */
public record Outcome(int row, String webExId, Status status, String exceptionId, String reason, String account,
        int attempts, List<String> input) {
}
