package pindrop.outcome;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * What a report needs from a results file, gathered in one streaming pass: rows per status and the rows that
 * did not succeed, grouped by status, exceptionId and reason. Memory stays bounded whatever the file's size:
 * a group keeps only its first rows, and past {@link #MAX_GROUPS} distinct reasons (a reason can name a row,
 * as duplicates do) further rows are only counted, per status.
 */
final class ResultsDigest {

    static final int MAX_GROUPS = 200;
    static final String OTHER_REASONS = "other reasons (too many different ones to list)";

    private record Key(Status status, String exceptionId, String reason) {
    }

    private final Map<Status, Long> counts = new EnumMap<>(Status.class);
    private final Map<Key, FailureGroup> groups = new HashMap<>();
    private final Map<Status, FailureGroup> others = new EnumMap<>(Status.class);

    private ResultsDigest() {
        for (Status s : Status.values()) {
            counts.put(s, 0L);
        }
    }

    static ResultsDigest read(Path resultsCsv) throws IOException {
        ResultsDigest digest = new ResultsDigest();
        CSVFormat format = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get();
        try (Reader in = OutcomeFiles.reader(resultsCsv);
                CSVParser parser = CSVParser.parse(in, format)) {
            List<String> missing = new ArrayList<>(List.of("row", "webExId", "status", "exceptionId", "reason"));
            missing.removeAll(parser.getHeaderNames());
            if (!missing.isEmpty()) {
                throw new IOException(resultsCsv + " is not a results file: no column " + String.join(", ", missing));
            }
            for (CSVRecord record : parser) {
                digest.add(record, resultsCsv);
            }
        }
        return digest;
    }

    long count(Status status) {
        return counts.get(status);
    }

    long total() {
        return counts.values().stream().mapToLong(Long::longValue).sum();
    }

    /** By status in the enum's order, the largest group first; the catch-all of a status comes after its groups. */
    List<FailureGroup> groups() {
        List<FailureGroup> ordered = new ArrayList<>();
        for (Status status : Status.values()) {
            groups.values().stream().filter(g -> g.status() == status)
                    .sorted(Comparator.comparingLong(FailureGroup::count).reversed()
                            .thenComparingInt(g -> g.listedRows()[0]))
                    .forEach(ordered::add);
            if (others.containsKey(status)) {
                ordered.add(others.get(status));
            }
        }
        return ordered;
    }

    private void add(CSVRecord record, Path file) throws IOException {
        Status status;
        int row;
        String webExId;
        Key key;
        try {
            status = Status.valueOf(record.get("status"));
            row = Integer.parseInt(record.get("row"));
            webExId = record.get("webExId");
            key = new Key(status, record.get("exceptionId"), record.get("reason"));
        } catch (IllegalArgumentException e) {
            throw new IOException(file + " line " + record.getRecordNumber() + " is not a results line", e);
        }
        counts.merge(status, 1L, Long::sum);
        // rows that need nothing more are counted, not listed: a dry run's VALID row with a reason is listed
        if (status == Status.SUCCESS || (status == Status.VALID && key.reason().isEmpty())) {
            return;
        }
        FailureGroup group = groups.get(key);
        if (group == null) {
            group = groups.size() < MAX_GROUPS
                    ? groups.computeIfAbsent(key, k -> new FailureGroup(k.status(), k.exceptionId(), k.reason()))
                    : others.computeIfAbsent(status, s -> new FailureGroup(s, "", OTHER_REASONS));
        }
        group.add(row, webExId);
    }
}
