package org.securebase.infrastructure.scoring;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;
import org.securebase.domain.BusinessException;
import org.securebase.domain.instrument.InstrumentDefinition;
import org.securebase.domain.instrument.InstrumentScoring;
import org.securebase.infrastructure.content.InstrumentParser;
import org.securebase.infrastructure.content.Parsed;

/**
 * {@code scripts/score INSTRUMENT_FILE RESPONSES.csv}: scores a file of responses for schools and researchers.
 * The input has a header: a respondent id column, then one column per item id; an empty cell is a missing answer.
 * The output (to standard output) has the respondent, every subscale score, a "scorable" flag per subscale and
 * the classification where the instrument defines one, with a "near_middle" flag: true where either of its two
 * scores lies within half a point of the midpoint, so that a type read there is not taken for a finding. A bad row is reported on standard error with its line and
 * left out; the other rows are still scored. Exit status: 0 all rows scored, 1 some rows rejected, 2 unusable
 * input (bad instrument, unreadable file, bad header).
 */
public final class ScoreResponses {

    private ScoreResponses() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 2) {
            System.err.println("usage: scripts/score INSTRUMENT_FILE RESPONSES.csv");
            System.exit(2);
        }
        try (Writer out = new OutputStreamWriter(System.out, StandardCharsets.UTF_8)) {
            int status = run(Path.of(args[0]), Path.of(args[1]), out, System.err);
            out.flush();
            System.exit(status);
        }
    }

    static int run(Path instrumentFile, Path responses, Writer out, PrintStream err) throws IOException {
        String slug = instrumentFile.getFileName().toString().replaceFirst("\\.yaml$", "");
        Parsed<InstrumentDefinition> parsed = InstrumentParser.parse(instrumentFile.toString(), slug,
                Files.readString(instrumentFile, StandardCharsets.UTF_8));
        if (parsed.definition().isEmpty()) {
            parsed.problems().forEach(p -> err.println("ERROR " + p));
            return 2;
        }
        InstrumentDefinition instrument = parsed.definition().get();
        try (Reader in = Files.newBufferedReader(responses, StandardCharsets.UTF_8);
                CSVParser csv = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true)
                        .setIgnoreSurroundingSpaces(true).get().parse(in)) {
            List<String> header = csv.getHeaderNames();
            List<String> unknown = header.stream().skip(1).filter(h -> instrument.item(h).isEmpty()).toList();
            if (header.size() < 2 || !unknown.isEmpty()) {
                err.println("ERROR " + responses + ":1: the header must be a respondent column then item ids of '"
                        + instrument.slug() + "'" + (unknown.isEmpty() ? "" : "; unknown: " + unknown));
                return 2;
            }
            CSVPrinter printer = CSVFormat.DEFAULT.print(out);
            List<String> columns = new ArrayList<>(List.of(header.get(0)));
            for (InstrumentDefinition.Subscale s : instrument.subscales()) {
                columns.add(s.id());
                columns.add(s.id() + "_scorable");
            }
            if (instrument.classification() != null) {
                columns.add("type");
                columns.add("near_middle");
            }
            printer.printRecord(columns);
            int rejected = 0;
            for (CSVRecord record : csv) {
                long line = record.getParser().getCurrentLineNumber();
                try {
                    printer.printRecord(score(instrument, header, record));
                } catch (BusinessException | IllegalArgumentException e) {
                    err.println("ERROR " + responses + ":" + line + ": " + e.getMessage() + " (row not scored)");
                    rejected++;
                }
            }
            printer.flush();
            return rejected == 0 ? 0 : 1;
        } catch (IllegalArgumentException | UncheckedIOException e) {
            err.println("ERROR " + responses + ": " + e.getMessage());
            return 2;
        }
    }

    private static List<String> score(InstrumentDefinition instrument, List<String> header, CSVRecord record) {
        if (record.size() != header.size()) {
            throw new IllegalArgumentException("has " + record.size() + " cells, the header has " + header.size());
        }
        Map<String, Integer> answers = new LinkedHashMap<>();
        for (int i = 1; i < header.size(); i++) {
            String cell = record.get(i);
            if (cell.isEmpty()) {
                continue;
            }
            try {
                answers.put(header.get(i), Integer.parseInt(cell));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(
                        "item '" + header.get(i) + "': '" + cell + "' is not a whole number");
            }
        }
        InstrumentScoring.Score score = InstrumentScoring.score(instrument, answers);
        List<String> row = new ArrayList<>(List.of(CsvCells.safe(record.get(0))));
        for (InstrumentScoring.SubscaleScore s : score.subscales().values()) {
            row.add(s.value().map(v -> String.format(Locale.ROOT, "%.3f", v)).orElse(""));
            row.add(String.valueOf(s.scorable()));
        }
        if (instrument.classification() != null) {
            InstrumentDefinition.Classification c = instrument.classification();
            row.add(score.type().orElse(""));
            Optional<Double> x = score.subscales().get(c.x()).value();
            Optional<Double> y = score.subscales().get(c.y()).value();
            row.add(score.type().isEmpty() ? ""
                    : String.valueOf(c.nearTheMiddle(x.orElseThrow()) || c.nearTheMiddle(y.orElseThrow())));
        }
        return row;
    }
}
