package org.securebase.infrastructure.pdf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.securebase.application.portfolio.PortfolioWriter;
import org.securebase.application.portfolio.PortfolioWriter.Block;

/**
 * The PDF as a reader gets it, read back with poppler's pdftotext (Debian's poppler-utils, installed by
 * scripts/test): real text in both languages with accents, a contents list with the page each part starts on,
 * "page N of M" on every page, and the chart's words as text. The pages are also rendered to PNG under
 * target/pdf-pages for a person to look at.
 */
class PortfolioPdfTest {

    static String pdftotext(byte[] pdf, String... options) throws IOException, InterruptedException {
        Path in = Files.createTempFile("portfolio", ".pdf");
        Path out = Files.createTempFile("portfolio", ".txt");
        Files.write(in, pdf);
        List<String> command = new ArrayList<>(List.of("pdftotext", "-enc", "UTF-8"));
        command.addAll(Arrays.asList(options));
        command.addAll(List.of(in.toString(), out.toString()));
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String said = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, p.waitFor(), "pdftotext (apt-get install poppler-utils): " + said);
        return Files.readString(out, StandardCharsets.UTF_8);
    }

    private static PortfolioWriter.Portfolio sample(int reflections) {
        List<PortfolioWriter.Section> sections = new ArrayList<>();
        for (int i = 1; i <= reflections; i++) {
            List<Block> blocks = new ArrayList<>();
            blocks.add(new PortfolioWriter.Note("Versão " + i + " aceita em 3 de março de 2026 por Dra. Helena"));
            blocks.add(new PortfolioWriter.Subheading("O que a paciente busca?"));
            blocks.add(new PortfolioWriter.Text(("Ela parecia querer alguém que ficasse, não só uma explicação. "
                    + "Percebi a minha pressa e a tensão da consulta; ação e reflexão. ").repeat(i == 1 ? 60 : 12)
                    + "Fim do primeiro parágrafo " + i + ".\n\nSegundo parágrafo da reflexão número " + i + "."));
            blocks.add(new PortfolioWriter.Quote("alguém que ficasse", "Quem poderia ser esse alguém?"));
            blocks.add(new PortfolioWriter.Table(List.of("Versão", "Enviada", "Decisão"),
                    List.of(List.of("1", "2 de março", "Devolvida"), List.of("2", "5 de março", "Aceita"))));
            sections.add(new PortfolioWriter.Section("Reflexão " + i + ": o coração acelerado", blocks));
        }
        sections.add(new PortfolioWriter.Section("Autoavaliações", List.of(new PortfolioWriter.Chart(
                "Estilo relacional ao longo do curso",
                List.of("Início do 3º ano", "Fim do 3º ano", "Olhando para trás"),
                List.of(new PortfolioWriter.Series("Ansiedade", Arrays.asList(4.2, 3.5, null)),
                        new PortfolioWriter.Series("Evitação", Arrays.asList(2.0, 2.4, 3.0))),
                1, 7))));
        return new PortfolioWriter.Portfolio("pt-BR", "Portfólio de prática reflexiva", "Amara Okafor",
                new PortfolioWriter.Cover("Portfólio de prática reflexiva", List.of("Amara Okafor",
                        "Escola de Medicina Northgate", "Emitido em 1º de dezembro de 2026"), "Código de verificação",
                        "ABCD-EFGH-JKMN", "https://securebase.example/verify.xhtml?code=ABCD-EFGH-JKMN",
                        "Quem recebe este documento pode conferir o que ele continha."),
                "Sumário", sections, "Página {0} de {1}", "Escola de Medicina Northgate · ABCD-EFGH-JKMN");
    }

    static String pdfinfo(byte[] pdf, String... options) throws IOException, InterruptedException {
        Path in = Files.createTempFile("portfolio", ".pdf");
        Files.write(in, pdf);
        List<String> command = new ArrayList<>(List.of("pdfinfo"));
        command.addAll(Arrays.asList(options));
        command.add(in.toString());
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String said = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, p.waitFor(), "pdfinfo (apt-get install poppler-utils): " + said);
        return said;
    }

    /**
     * What a screen reader follows: the PDF is tagged, its structure tree (read back with poppler's pdfinfo) holds
     * the headings, paragraphs, quotes and the chart as a figure with its title as alternative text, in reading
     * order; a paragraph that runs over a page break is one paragraph; the footers are not in it (artifacts).
     */
    @Test
    void taggedForScreenReaders() throws Exception {
        byte[] pdf = new OpenPdfPortfolioWriter().write(sample(3)).bytes();
        assertTrue(pdfinfo(pdf).matches("(?s).*Tagged:\\s+yes.*"), "tagged");
        String tree = pdfinfo(pdf, "-struct-text");
        assertTrue(tree.startsWith("Document"), tree);
        String flat = tree.replaceAll("\\s+", " ");
        for (String expected : List.of("H1 (block) \"Portfólio de prática reflexiva\"", "H1 (block) \"Sumário\"",
                "TOC", "Sect H1 (block) \"Reflexão 1: o coração acelerado\"", "H2 (block) \"O que a paciente busca?\"",
                "BlockQuote \"“alguém que ficasse”", "Caption \"Estilo relacional ao longo do curso\" Figure")) {
            assertTrue(flat.contains(expected), expected + " in " + flat);
        }
        assertTrue(
                flat.indexOf("Reflexão 1: o coração acelerado\"") < flat.indexOf("Reflexão 2: o coração acelerado\""),
                "reading order");
        int start = flat.indexOf("P (block) \"Ela parecia");
        String paragraph = flat.substring(start, flat.indexOf(" P (block)", start));
        assertTrue(paragraph.endsWith("Fim do primeiro parágrafo 1.\"") && paragraph.split("\" \"").length == 2,
                "the paragraph over a page break is one paragraph, in two parts (one per page): " + paragraph);
        assertFalse(flat.contains("Página 1 de"), "footers are artifacts, outside the structure");
        String raw = new String(pdf, StandardCharsets.ISO_8859_1);
        assertTrue(raw.contains("/Alt") && raw.contains("/MarkInfo"), "a figure's alternative text; marked");
    }

    @Test
    void realTextWithContentsPageNumbersAndAccents() throws Exception {
        PortfolioWriter.Written written = new OpenPdfPortfolioWriter().write(sample(3));
        Path folder = Path.of("target/pdf-pages");
        Files.createDirectories(folder);
        Files.write(folder.resolve("sample.pdf"), written.bytes());
        String text = pdftotext(written.bytes(), "-layout");
        assertTrue(text.contains("Portfólio de prática reflexiva"), text);
        assertTrue(text.contains("ABCD-EFGH-JKMN"));
        assertTrue(text.contains("ação e reflexão"), "accents survive as text");
        assertTrue(text.contains("Estilo relacional ao longo do curso") && text.contains("Evitação")
                && text.contains("Início do 3º ano"), "the chart's words are text");
        assertTrue(written.pages() >= 5, "cover, contents, three reflections, ratings: " + written.pages());
        for (int page = 1; page <= written.pages(); page++) {
            assertTrue(text.contains("Página " + page + " de " + written.pages()), "page " + page);
        }
        // The contents list names the page each part starts on: check it against the page it is on.
        String[] pages = text.split("\f");
        for (int i = 1; i <= 3; i++) {
            String heading = "Reflexão " + i + ": o coração acelerado";
            int actual = -1;
            for (int p = 2; p < pages.length; p++) {
                if (pages[p].contains(heading)) {
                    actual = p + 1;
                    break;
                }
            }
            assertTrue(pages[1].matches("(?s).*" + heading + "\\s+" + actual + "\\s.*"),
                    heading + " on page " + actual + " in contents:\n" + pages[1]);
        }
        Process render = new ProcessBuilder("pdftoppm", "-png", "-r", "60", folder.resolve("sample.pdf").toString(),
                folder.resolve("sample").toString()).redirectErrorStream(true).start();
        assertEquals(0, render.waitFor(), "pdftoppm renders every page");
    }
}
