package org.securebase.infrastructure.enrolment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringReader;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.securebase.domain.account.Role;

class EnrolmentCsvTest {

    private static EnrolmentCsv.Result read(String text) {
        return EnrolmentCsv.read(new StringReader(text));
    }

    private static List<String> problems(EnrolmentCsv.Result result) {
        return result.problems().stream().map(p -> p.line() + ":" + p.key()).toList();
    }

    @Test
    void everyBadLineIsNamedWithItsNumberAndWhy() {
        var result = read("""
                email,name,role
                ada@school.ac.uk,Ada Lovelace,student
                not-an-email,Bad Address,student
                bo@school.ac.uk,,student

                cy@school.ac.uk,Cy Tutor,tutor
                di@school.ac.uk,Di Wrong,professor
                ADA@school.ac.uk ,Ada Again,student
                """);
        assertEquals(List.of("3:enrol.badEmail", "4:enrol.badName", "7:enrol.badRole", "8:enrol.duplicate"),
                problems(result));
        assertEquals("2", result.problems().get(3).detail(), "the duplicate names the line it repeats");
        assertEquals(List.of("ada@school.ac.uk", "cy@school.ac.uk"), result.rows().stream()
                .map(EnrolmentCsv.Row::email).toList());
        assertEquals(Role.TUTOR, result.rows().get(1).role());
    }

    @Test
    void columnsAreFoundByNameInAnyOrderWithABomAndRoleDefaultsToStudent() {
        var result = read("\uFEFFName,Email\r\n\"Okafor, Amara\",amara@school.ac.uk\r\n");
        assertEquals(List.of(), result.problems());
        assertEquals("Okafor, Amara", result.rows().get(0).name());
        assertEquals(Role.STUDENT, result.rows().get(0).role());
    }

    @Test
    void aMissingHeaderOrABrokenQuoteIsReportedNotThrown() {
        assertEquals(List.of("1:enrol.header"), problems(read("mail,fullname\na@b.cd,A\n")));
        var broken = read("email,name\na@b.cd,\"Unclosed\nb@c.de,B\n");
        assertTrue(broken.problems().stream().anyMatch(p -> p.key().equals("enrol.malformed")), broken.toString());
    }

    @Test
    void aLargeFileIsReadWholeAndOneTooManyIsRefused() {
        StringBuilder big = new StringBuilder("email,name\n");
        for (int i = 0; i < EnrolmentCsv.MAX_ROWS; i++) {
            big.append("s").append(i).append("@school.ac.uk,Student ").append(i).append('\n');
        }
        var result = read(big.toString());
        assertEquals(List.of(), result.problems());
        assertEquals(EnrolmentCsv.MAX_ROWS, result.rows().size());
        var tooMany = read(big + "extra@school.ac.uk,One Too Many\n");
        assertEquals(List.of((EnrolmentCsv.MAX_ROWS + 2) + ":enrol.tooMany"), problems(tooMany));
    }
}
