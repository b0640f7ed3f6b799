package org.securebase.infrastructure.privacy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.securebase.application.privacy.IdentifierFinder.Identifier;
import org.securebase.application.privacy.IdentifierFinder.Kind;

/**
 * The anonymisation rules on invented but real-looking reflections in English and Portuguese: what a trainee
 * might write, what must be flagged, and what must not (eponyms, guidance bodies, drugs, days, sentence starts).
 */
class IdentifierRulesTest {

    private static final RuleBasedIdentifierFinder FINDER = new RuleBasedIdentifierFinder();

    private static List<String> flagged(String text, Kind kind) {
        return FINDER.find(text).stream().filter(i -> i.kind() == kind).map(Identifier::text).toList();
    }

    private static List<String> all(String text) {
        return FINDER.find(text).stream().map(i -> i.kind() + ":" + i.text()).toList();
    }

    @Test
    void anEnglishReflectionFullOfIdentifiers() {
        String text = "I saw Margaret Thompson (DOB 14/03/1931, NHS number 943 476 5919) on the ward. She is 93 years "
                + "old and lives at 12 Acacia Avenue, Leeds LS6 2AB. Her daughter rang from 07700 900123 and wrote "
                + "to m.thompson@example.org. MRN 4412987. Mrs Okonjo, her neighbour, came on 3 March 2024.";
        assertEquals(List.of("Margaret Thompson", "Mrs Okonjo"), flagged(text, Kind.NAME));
        assertEquals(List.of("14/03/1931"), flagged(text, Kind.DATE_OF_BIRTH));
        assertEquals(List.of("3 March 2024"), flagged(text, Kind.DATE));
        assertEquals(List.of("943 476 5919"), flagged(text, Kind.NHS_NUMBER));
        assertEquals(List.of("93 years old"), flagged(text, Kind.AGE));
        assertEquals(List.of("12 Acacia Avenue"), flagged(text, Kind.ADDRESS));
        assertEquals(List.of("LS6 2AB"), flagged(text, Kind.POSTCODE));
        assertEquals(List.of("07700 900123"), flagged(text, Kind.PHONE));
        assertEquals(List.of("m.thompson@example.org"), flagged(text, Kind.EMAIL));
        assertEquals(List.of("MRN 4412987"), flagged(text, Kind.RECORD_NUMBER));
    }

    @Test
    void aPortugueseReflectionFullOfIdentifiers() {
        String text = "Atendi a Dona Maria das Graças Ferreira, nascida em 2 de maio de 1950, CPF 529.982.247-25, "
                + "cartão SUS 702 0000 4321 9803, prontuário 556677. Tem 94 anos e mora na Rua das Laranjeiras, 45, "
                + "CEP 22240-003. O filho ligou do (21) 98765-4321. Voltou no dia 12/09/2023 com o João Carlos.";
        assertEquals(List.of("Dona Maria das Graças Ferreira", "João Carlos"), flagged(text, Kind.NAME));
        assertEquals(List.of("2 de maio de 1950"), flagged(text, Kind.DATE_OF_BIRTH));
        assertEquals(List.of("12/09/2023"), flagged(text, Kind.DATE));
        assertEquals(List.of("529.982.247-25"), flagged(text, Kind.CPF));
        assertEquals(List.of("702 0000 4321 9803"), flagged(text, Kind.CNS));
        assertEquals(List.of("prontuário 556677"), flagged(text, Kind.RECORD_NUMBER));
        assertEquals(List.of("94 anos"), flagged(text, Kind.AGE));
        assertEquals(List.of("Rua das Laranjeiras, 45"), flagged(text, Kind.ADDRESS));
        assertEquals(List.of("CEP 22240-003"), flagged(text, Kind.POSTCODE));
        assertEquals(List.of("(21) 98765-4321"), flagged(text, Kind.PHONE));
    }

    @Test
    void checkDigitsDecideWhetherANumberIsAnIdentifier() {
        assertEquals(List.of(), flagged("Reference 943 476 5918 on the letter.", Kind.NHS_NUMBER), "wrong digit");
        assertEquals(List.of(), flagged("Código 529.982.247-24.", Kind.CPF), "wrong CPF digit");
        assertEquals(List.of(), flagged("Lote 702 0000 4321 9804.", Kind.CNS), "wrong CNS sum");
        assertEquals(List.of("9434765919"), flagged("NHS 9434765919", Kind.NHS_NUMBER), "without spaces");
        assertEquals(List.of("11144477735"), flagged("cpf 11144477735", Kind.CPF), "without punctuation");
        assertTrue(CheckDigits.nhs("4010232137"));
        assertFalse(CheckDigits.nhs("0000000000"), "all the same digit is no number");
    }

    @Test
    void eponymsBodiesDrugsDaysAndSentenceStartsAreNotNames() {
        String text = "In our Balint group we talked about Bowlby and attachment. NICE guidance and the GMC say "
                + "little about it. On Monday she took Sertraline and Paracetamol. Reading Winnicott helped. "
                + "The Academy of Medical Royal Colleges and the Bawa-Garba case changed how we write. "
                + "Yesterday Calgary-Cambridge felt useful. Afterwards I reflected with my Foundation Year tutor.";
        assertEquals(List.of(), all(text));
        String pt = "No grupo Balint falamos de Winnicott. Na segunda-feira ela tomou Dipirona. Depois conversei com "
                + "a preceptora sobre o Sistema Único de Saúde. Em São Paulo há muitos ambulatórios.";
        assertEquals(List.of(), all(pt));
    }

    @Test
    void twoCapitalisedWordsInMidSentenceReadAsAName() {
        assertEquals(List.of("Zbigniew Kowalczyk"), flagged("Today I met Zbigniew Kowalczyk in clinic.", Kind.NAME));
        assertEquals(List.of(), flagged("Zbigniew Kowalczyk", Kind.NAME).stream().filter(s -> s.isEmpty()).toList());
        assertEquals(List.of("Grace Obi"), flagged("Grace Obi came back.", Kind.NAME), "ambiguous name with surname");
        assertEquals(List.of(), flagged("Grace under pressure matters.", Kind.NAME), "ambiguous word alone");
        assertEquals(List.of("Okafor"), flagged("a man called Okafor", Kind.NAME), "after a cue");
        assertEquals(List.of("Sarah"), flagged("I asked Sarah's mother.", Kind.NAME), "possessive left outside");
    }

    @Test
    void agesUpToEightyNineAndOrdinaryNumbersAreNotFlagged() {
        assertEquals(List.of(), all("She is 89 years old and takes 500 mg twice a day; 1000 ml over 8 hours."));
        assertEquals(List.of("aged 102"), flagged("a man aged 102", Kind.AGE));
        assertEquals(List.of(), all("Ela tem 45 anos."));
    }

    @Test
    void datesInManyFormats() {
        assertEquals(List.of("born on 1 Jan 1940".substring(8)), flagged("She was born on 1 Jan 1940.",
                Kind.DATE_OF_BIRTH));
        assertEquals(List.of("1950-07-21"), flagged("D.O.B. 1950-07-21", Kind.DATE_OF_BIRTH));
        assertEquals(List.of("March 12, 1954"), flagged("It happened on March 12, 1954.", Kind.DATE));
        assertEquals(List.of("12th of June"), flagged("We met on the 12th of June.", Kind.DATE));
        assertEquals(List.of("25 de dezembro"), flagged("Veio no dia 25 de dezembro.", Kind.DATE));
    }

    @Test
    void phonesOfBothCountries() {
        assertEquals(List.of("020 7946 0123", "+44 7700 900456"),
                flagged("Call 020 7946 0123 or +44 7700 900456.", Kind.PHONE));
        assertEquals(List.of("+55 11 91234-5678"), flagged("Telefone +55 11 91234-5678.", Kind.PHONE));
    }

    @Test
    void offsetsPointAtTheFlaggedWords() {
        String text = "Então o Sr. Antônio Pereira chorou.";
        Identifier name = FINDER.find(text).get(0);
        assertEquals("Sr. Antônio Pereira", text.substring(name.start(), name.end()));
    }
}
