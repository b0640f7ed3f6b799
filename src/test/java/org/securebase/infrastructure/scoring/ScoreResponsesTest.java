package org.securebase.infrastructure.scoring;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.securebase.infrastructure.content.InstrumentAndCurriculumTest;

class ScoreResponsesTest {

    @TempDir
    Path dir;

    private int score(String csv, StringWriter out, ByteArrayOutputStream err) throws IOException {
        Path instrument = Files.writeString(dir.resolve("style.yaml"), InstrumentAndCurriculumTest.INSTRUMENT);
        Path responses = Files.writeString(dir.resolve("responses.csv"), csv);
        return ScoreResponses.run(instrument, responses, out, new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    @Test
    void scoresEveryGoodRowReportsBadOnesByLineAndNeutralisesFormulas() throws IOException {
        // s1: anxiety (7 + (8 - 1)) / 2 = 7; avoidance v1 reverse-keyed 8 - 2 = 6 (sum of one item): Fearful
        // s2: anxiety (4 + (8 - 4)) / 2 = 4, exactly the midpoint, which counts low; avoidance unanswered: no type
        // s3: 'x' is no number: rejected, line 4
        // =cmd: anxiety (1 + (8 - 7)) / 2 = 1; avoidance 8 - 7 = 1: Secure; the id is neutralised for spreadsheets
        // s4: anxiety (5 + (8 - 4)) / 2 = 4.5, avoidance 8 - 6 = 2: Preoccupied, but anxiety is near the middle
        String csv = "id,a1,a2,v1\ns1,7,1,2\ns2,4,4,\ns3,x,3,3\n=cmd,1,7,7\ns4,5,4,6\n";
        StringWriter out = new StringWriter();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        assertEquals(1, score(csv, out, err), "one row was rejected");
        List<String> lines = out.toString().lines().toList();
        assertEquals(List.of(
                "id,anxiety,anxiety_scorable,avoidance,avoidance_scorable,type,near_middle",
                "s1,7.000,true,6.000,true,Fearful,false",
                "s2,4.000,true,,false,,",
                "'=cmd,1.000,true,1.000,true,Secure,false",
                "s4,4.500,true,2.000,true,Preoccupied,true"), lines);
        String errors = err.toString(StandardCharsets.UTF_8);
        assertTrue(errors.contains("responses.csv:4: item 'a1': 'x' is not a whole number"), errors);
    }

    @Test
    void outOfScaleAnswersAndShortRowsAreRejectedNotGuessed() throws IOException {
        StringWriter out = new StringWriter();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        assertEquals(1, score("id,a1,a2,v1\ns1,9,1,2\ns2,1,1\ns3,1,1,1\n", out, err));
        String errors = err.toString(StandardCharsets.UTF_8);
        assertTrue(errors.contains(":2: item 'a1': 9 is outside 1..7"), errors);
        assertTrue(errors.contains(":3: has 3 cells"), errors);
        assertEquals(2, out.toString().lines().count(), "header and s3");
    }

    @Test
    void aHeaderNamingUnknownItemsStopsWithAClearError() throws IOException {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        assertEquals(2, score("id,a1,zz\ns1,1,1\n", new StringWriter(), err));
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("unknown: [zz]"));
    }
}
