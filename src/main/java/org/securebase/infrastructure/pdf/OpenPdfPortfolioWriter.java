package org.securebase.infrastructure.pdf;

import com.lowagie.text.Anchor;
import com.lowagie.text.Chunk;
import com.lowagie.text.Document;
import com.lowagie.text.DocumentException;
import com.lowagie.text.Element;
import com.lowagie.text.Font;
import com.lowagie.text.Image;
import com.lowagie.text.PageSize;
import com.lowagie.text.Paragraph;
import com.lowagie.text.Phrase;
import com.lowagie.text.Rectangle;
import com.lowagie.text.pdf.BaseFont;
import com.lowagie.text.pdf.ColumnText;
import com.lowagie.text.pdf.PdfContentByte;
import com.lowagie.text.pdf.PdfDestination;
import com.lowagie.text.pdf.PdfName;
import com.lowagie.text.pdf.PdfObject;
import com.lowagie.text.pdf.PdfOutline;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPTable;
import com.lowagie.text.pdf.PdfPageEventHelper;
import com.lowagie.text.pdf.PdfString;
import com.lowagie.text.pdf.PdfStructureElement;
import com.lowagie.text.pdf.PdfTemplate;
import com.lowagie.text.pdf.PdfWriter;
import jakarta.enterprise.context.ApplicationScoped;
import java.awt.Color;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.text.MessageFormat;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.securebase.application.portfolio.PortfolioWriter;

/**
 * Lays out a portfolio with OpenPDF: text as text in an embedded Liberation Sans (which covers Portuguese), a
 * contents list with page numbers and links, bookmarks, page numbers with the school and the verification code in
 * every footer, and charts drawn as lines and shapes (no raster images). The document is laid out twice: the first
 * pass learns on which page each part starts, the second prints those numbers in the contents, on identical pages.
 * <p>
 * It is a tagged PDF, for screen readers: OpenPDF tags only what is written as marked content, not what its
 * {@code Document.add} lays out, so every element is flowed here through a {@link ColumnText} on the page's content,
 * inside a structure element of its role (a section of headings, paragraphs, block quotes, tables as groups, each
 * chart a figure with its title as alternative text); footers are marked as artifacts, which a reader skips.
 */
@ApplicationScoped
public class OpenPdfPortfolioWriter implements PortfolioWriter {

    private static final String FONT = "/font-fallback/LiberationSans-Regular.ttf";
    private static final Color INK = new Color(0x1f, 0x29, 0x33);
    private static final Color MUTED = new Color(0x52, 0x60, 0x6d);
    private static final Color ACCENT = new Color(0x1d, 0x5c, 0x63);
    private static final Color LINE = new Color(0xd9, 0xe2, 0xec);
    private static final Color SOFT = new Color(0xe6, 0xf2, 0xf1);
    /** Series colours (distinguishable also in greyscale, and each line has its own dash and marker). */
    private static final Color[] SERIES = {new Color(0x1d, 0x5c, 0x63), new Color(0xb4, 0x4d, 0x12),
        new Color(0x4c, 0x3b, 0x8f), new Color(0x2f, 0x6f, 0x2f), new Color(0x8a, 0x1c, 0x4a),
        new Color(0x55, 0x55, 0x55)};
    /** A group of content (the verification box, a data table), read in order. */
    private static final PdfName DIV = new PdfName("Div");
    /** Page furniture (footers) that a screen reader skips. */
    private static final PdfName ARTIFACT = new PdfName("Artifact");
    private static final float[][] DASHES = {{}, {6, 3}, {2, 2}, {8, 3, 2, 3}, {4, 4}, {1, 3}};

    private final byte[] fontBytes = load();

    private static byte[] load() {
        try (InputStream in = OpenPdfPortfolioWriter.class.getResourceAsStream(FONT)) {
            if (in == null) {
                throw new IllegalStateException("missing " + FONT + " (shipped in the OpenPDF jar)");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public Written write(PortfolioWriter.Portfolio document) {
        Pass first = new Pass(document, null, 0);
        first.run();
        Pass second = new Pass(document, first.startPages, first.pages);
        byte[] bytes = second.run();
        if (second.pages != first.pages) {
            throw new IllegalStateException("the two layout passes disagree: " + first.pages + " / " + second.pages);
        }
        return new Written(bytes, second.pages);
    }

    /** One layout of the whole document. */
    private final class Pass extends PdfPageEventHelper {

        private final PortfolioWriter.Portfolio source;
        /** From the pass before: the page each section starts on (null on the first pass). */
        private final List<Integer> knownStarts;
        private final int knownPages;
        private final List<Integer> startPages = new ArrayList<>();
        private final Map<String, Integer> tagIndex = new HashMap<>();
        private int pages;
        private final BaseFont base;
        private final Font body;
        private final Font bodyBold;
        private final Font small;
        private final Font smallBold;
        private final Font h1;
        private final Font h2;
        private final Font h3;
        private final Font title;
        private final Font link;
        private PdfWriter writer;
        /** The structure element new content goes into (the document, or the current section). */
        private PdfStructureElement part;
        /** Where the next element starts on the current page. */
        private float y;

        Pass(PortfolioWriter.Portfolio source, List<Integer> knownStarts, int knownPages) {
            this.source = source;
            this.knownStarts = knownStarts;
            this.knownPages = knownPages;
            try {
                base = BaseFont.createFont("LiberationSans-Regular.ttf", BaseFont.IDENTITY_H, BaseFont.EMBEDDED, true,
                        fontBytes, null);
            } catch (DocumentException | IOException e) {
                throw new IllegalStateException("font", e);
            }
            body = new Font(base, 10.5f, Font.NORMAL, INK);
            bodyBold = new Font(base, 10.5f, Font.BOLD, INK);
            small = new Font(base, 8.5f, Font.NORMAL, MUTED);
            smallBold = new Font(base, 8.5f, Font.BOLD, INK);
            h1 = new Font(base, 18, Font.BOLD, ACCENT);
            h2 = new Font(base, 13, Font.BOLD, INK);
            h3 = new Font(base, 11, Font.BOLD, ACCENT);
            title = new Font(base, 24, Font.BOLD, ACCENT);
            link = new Font(base, 10.5f, Font.UNDERLINE, ACCENT);
        }

        byte[] run() {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            Document doc = new Document(PageSize.A4, 62, 62, 64, 72);
            try {
                writer = PdfWriter.getInstance(doc, out);
                writer.setTagged();
                writer.setPageEvent(this);
                writer.setViewerPreferences(PdfWriter.DisplayDocTitle | PdfWriter.PageModeUseOutlines);
                doc.setDocumentLanguage(source.language());
                doc.addTitle(source.title());
                doc.addAuthor(source.author());
                doc.addCreator("Secure Base");
                doc.open();
                y = doc.top();
                PdfStructureElement document = new PdfStructureElement(writer.getStructureTreeRoot(),
                        PdfName.DOCUMENT);
                part = document;
                cover(doc);
                contents(doc);
                for (int i = 0; i < source.sections().size(); i++) {
                    newPage(doc);
                    part = new PdfStructureElement(document, PdfName.SECT);
                    section(doc, i, source.sections().get(i));
                }
                doc.close();
            } catch (DocumentException e) {
                throw new IllegalStateException("portfolio layout", e);
            }
            return out.toByteArray();
        }

        private void newPage(Document doc) {
            doc.newPage();
            y = doc.top();
        }

        /** Starts a new page unless {@code room} points are left on this one (a heading stays with its text). */
        private void keep(Document doc, float room) {
            if (y - room < doc.bottom() && y < doc.top()) {
                newPage(doc);
            }
        }

        /**
         * Flows {@code element} from the current position, over as many pages as it takes, as the marked content
         * of one structure element of {@code role} (with {@code alt} as its alternative text, for a figure).
         */
        private void put(Document doc, Element element, PdfName role, String alt) throws DocumentException {
            keep(doc, 30);
            PdfStructureElement tag = new PdfStructureElement(part, role);
            if (alt != null) {
                tag.put(PdfName.ALT, new PdfString(alt, PdfObject.TEXT_UNICODE));
            }
            PdfContentByte cb = writer.getDirectContent();
            ColumnText column = new ColumnText(cb);
            column.addElement(element);
            while (true) {
                boolean fresh = y >= doc.top();
                column.setSimpleColumn(doc.left(), doc.bottom(), doc.right(), y);
                cb.beginMarkedContentSequence(tag);
                int status = column.go();
                cb.endMarkedContentSequence();
                y = column.getYLine();
                if (!ColumnText.hasMoreText(status)) {
                    return;
                }
                if (fresh && y >= doc.top()) {
                    throw new DocumentException("an element taller than a page: " + element.getClass().getName());
                }
                newPage(doc);
            }
        }

        private void put(Document doc, Element element, PdfName role) throws DocumentException {
            put(doc, element, role, null);
        }

        private void cover(Document doc) throws DocumentException {
            PortfolioWriter.Cover c = source.cover();
            Paragraph t = new Paragraph(c.title(), title);
            t.setSpacingAfter(18);
            y -= 90;
            put(doc, t, PdfName.H1);
            for (String line : c.lines()) {
                Paragraph p = new Paragraph(line, new Font(base, 13, Font.NORMAL, INK));
                p.setSpacingAfter(4);
                put(doc, p, PdfName.P);
            }
            PdfPTable box = new PdfPTable(1);
            box.setWidthPercentage(100);
            box.setSpacingBefore(60);
            PdfPCell cell = new PdfPCell();
            cell.setBackgroundColor(SOFT);
            cell.setBorderColor(ACCENT);
            cell.setPadding(12);
            cell.addElement(new Paragraph(c.verificationHeading(), h3));
            Paragraph code = new Paragraph(c.code(), new Font(base, 20, Font.BOLD, INK));
            code.setSpacingBefore(4);
            cell.addElement(code);
            Anchor url = new Anchor(c.verifyUrl(), link);
            url.setReference(c.verifyUrl());
            Paragraph urlLine = new Paragraph();
            urlLine.add(url);
            urlLine.setSpacingBefore(4);
            cell.addElement(urlLine);
            Paragraph note = new Paragraph(c.verificationNote(), small);
            note.setSpacingBefore(6);
            cell.addElement(note);
            box.addCell(cell);
            y -= 60;
            put(doc, box, DIV);
        }

        private void contents(Document doc) throws DocumentException {
            newPage(doc);
            Paragraph heading = new Paragraph(source.contentsHeading(), h1);
            heading.setSpacingAfter(14);
            put(doc, heading, PdfName.H1);
            PdfPTable table = new PdfPTable(new float[] {9, 1});
            table.setWidthPercentage(100);
            for (int i = 0; i < source.sections().size(); i++) {
                Chunk entry = new Chunk(source.sections().get(i).heading(), body);
                entry.setLocalGoto("section-" + i);
                PdfPCell name = new PdfPCell(new Phrase(entry));
                PdfPCell page = new PdfPCell(new Phrase(knownStarts == null ? "00" : String.valueOf(knownStarts.get(i)),
                        body));
                for (PdfPCell cell : List.of(name, page)) {
                    cell.setBorder(Rectangle.BOTTOM);
                    cell.setBorderColor(LINE);
                    cell.setPaddingTop(5);
                    cell.setPaddingBottom(6);
                }
                page.setHorizontalAlignment(Element.ALIGN_RIGHT);
                table.addCell(name);
                table.addCell(page);
            }
            put(doc, table, PdfName.TOC);
        }

        private void section(Document doc, int index, PortfolioWriter.Section section) throws DocumentException {
            Chunk heading = new Chunk(section.heading(), h1);
            heading.setLocalDestination("section-" + index);
            String tag = "section-" + index;
            tagIndex.put(tag, index);
            heading.setGenericTag(tag);
            Paragraph h = new Paragraph(heading);
            h.setSpacingAfter(8);
            put(doc, h, PdfName.H1);
            for (PortfolioWriter.Block block : section.blocks()) {
                block(doc, block);
            }
        }

        private void block(Document doc, PortfolioWriter.Block block) throws DocumentException {
            if (block instanceof PortfolioWriter.Subheading s) {
                Paragraph p = new Paragraph(s.text(), h2);
                p.setSpacingBefore(12);
                p.setSpacingAfter(4);
                keep(doc, 80);
                put(doc, p, PdfName.H2);
            } else if (block instanceof PortfolioWriter.Text p) {
                for (String paragraph : p.text().strip().split("\\n\\s*\\n")) {
                    Paragraph para = new Paragraph(14.5f, paragraph.strip(), body);
                    para.setSpacingAfter(6);
                    put(doc, para, PdfName.P);
                }
            } else if (block instanceof PortfolioWriter.Note n) {
                Paragraph para = new Paragraph(12, n.text(), small);
                para.setSpacingAfter(4);
                put(doc, para, PdfName.P);
            } else if (block instanceof PortfolioWriter.Quote q) {
                PdfPTable t = new PdfPTable(1);
                t.setWidthPercentage(100);
                t.setSpacingBefore(3);
                t.setSpacingAfter(5);
                PdfPCell cell = new PdfPCell();
                cell.setBorder(Rectangle.LEFT);
                cell.setBorderWidthLeft(2.5f);
                cell.setBorderColorLeft(ACCENT);
                cell.setPaddingLeft(9);
                cell.addElement(new Paragraph(13, "“" + q.quote() + "”", bodyBold));
                cell.addElement(new Paragraph(13, q.comment(), body));
                t.addCell(cell);
                put(doc, t, PdfName.BLOCKQUOTE);
            } else if (block instanceof PortfolioWriter.Comment c) {
                PdfPTable t = new PdfPTable(1);
                t.setWidthPercentage(100);
                t.setSpacingBefore(3);
                t.setSpacingAfter(5);
                PdfPCell cell = new PdfPCell();
                cell.setBorder(Rectangle.LEFT);
                cell.setBorderWidthLeft(2.5f);
                cell.setBorderColorLeft(MUTED);
                cell.setBackgroundColor(new Color(0xf5, 0xf7, 0xf8));
                cell.setPaddingLeft(9);
                cell.setPaddingBottom(6);
                cell.addElement(new Paragraph(13, c.label(), smallBold));
                cell.addElement(new Paragraph(14, c.text(), body));
                t.addCell(cell);
                put(doc, t, PdfName.BLOCKQUOTE);
            } else if (block instanceof PortfolioWriter.Table tb) {
                put(doc, table(tb), DIV);
            } else if (block instanceof PortfolioWriter.Chart c) {
                chart(doc, c);
            }
        }

        private PdfPTable table(PortfolioWriter.Table tb) {
            PdfPTable t = new PdfPTable(tb.header().size());
            t.setWidthPercentage(100);
            t.setSpacingBefore(4);
            t.setSpacingAfter(8);
            t.setHeaderRows(1);
            for (String h : tb.header()) {
                PdfPCell cell = new PdfPCell(new Phrase(h, smallBold));
                cell.setBackgroundColor(SOFT);
                cell.setBorderColor(LINE);
                cell.setPadding(4);
                t.addCell(cell);
            }
            for (List<String> row : tb.rows()) {
                for (String v : row) {
                    PdfPCell cell = new PdfPCell(new Phrase(v, new Font(base, 9, Font.NORMAL, INK)));
                    cell.setBorderColor(LINE);
                    cell.setPadding(4);
                    t.addCell(cell);
                }
            }
            return t;
        }

        /** A line chart drawn with the PDF's own lines, shapes and text, placed as a vector template. */
        private void chart(Document doc, PortfolioWriter.Chart c) throws DocumentException {
            Paragraph caption = new Paragraph(c.title(), h3);
            caption.setSpacingBefore(8);
            float width = doc.right() - doc.left();
            float height = 210;
            float left = 34;
            float right = 12;
            float top = 10;
            float bottom = 40;
            float legendRow = 14;
            int legendRows = (c.series().size() + 1) / 2;
            float total = height + legendRows * legendRow + 6;
            PdfTemplate tpl = writer.getDirectContent().createTemplate(width, total);
            float y0 = legendRows * legendRow + 6 + bottom;
            float plotH = height - top - bottom;
            float plotW = width - left - right;
            double span = c.max() - c.min() <= 0 ? 1 : c.max() - c.min();
            // Grid and scale.
            int steps = (int) Math.min(10, Math.max(2, Math.round(span)));
            tpl.setLineWidth(0.5f);
            for (int i = 0; i <= steps; i++) {
                float y = y0 + (float) (plotH * i / steps);
                tpl.setColorStroke(i == 0 ? MUTED : LINE);
                tpl.moveTo(left, y);
                tpl.lineTo(left + plotW, y);
                tpl.stroke();
                text(tpl, Element.ALIGN_RIGHT, format(c.min() + span * i / steps), left - 4, y - 3, 7.5f, MUTED);
            }
            int n = c.columns().size();
            float stepX = n <= 1 ? 0 : plotW / (n - 1);
            float x0 = n <= 1 ? left + plotW / 2 : left;
            for (int j = 0; j < n; j++) {
                float x = x0 + stepX * j;
                tpl.setColorStroke(LINE);
                tpl.moveTo(x, y0);
                tpl.lineTo(x, y0 + plotH);
                tpl.stroke();
                float labelW = n <= 1 ? plotW : Math.max(40, stepX - 4);
                ColumnText ct = new ColumnText(tpl);
                ct.setSimpleColumn(new Phrase(c.columns().get(j), new Font(base, 7, Font.NORMAL, MUTED)),
                        Math.max(0, x - labelW / 2), y0 - bottom + 2, Math.min(width, x + labelW / 2), y0 - 3, 8.5f,
                        Element.ALIGN_CENTER);
                ct.go();
            }
            // One line per series, each with its colour, dash and marker.
            for (int s = 0; s < c.series().size(); s++) {
                PortfolioWriter.Series series = c.series().get(s);
                Color colour = SERIES[s % SERIES.length];
                tpl.setColorStroke(colour);
                tpl.setColorFill(colour);
                tpl.setLineWidth(1.6f);
                tpl.setLineDash(DASHES[s % DASHES.length], 0);
                boolean drawing = false;
                for (int j = 0; j < series.values().size() && j < n; j++) {
                    Double v = series.values().get(j);
                    if (v == null) {
                        drawing = false;
                        continue;
                    }
                    float x = x0 + stepX * j;
                    float y = y0 + (float) (plotH * (v - c.min()) / span);
                    if (drawing) {
                        tpl.lineTo(x, y);
                    } else {
                        tpl.moveTo(x, y);
                        drawing = true;
                    }
                }
                tpl.stroke();
                tpl.setLineDash(new float[] {}, 0);
                for (int j = 0; j < series.values().size() && j < n; j++) {
                    Double v = series.values().get(j);
                    if (v != null) {
                        marker(tpl, s, x0 + stepX * j, y0 + (float) (plotH * (v - c.min()) / span), 2.8f);
                    }
                }
                // Legend: two per row under the plot.
                float lx = left + (s % 2) * (plotW / 2);
                float ly = (legendRows - 1 - s / 2) * legendRow + 6;
                tpl.setLineWidth(1.6f);
                tpl.setLineDash(DASHES[s % DASHES.length], 0);
                tpl.moveTo(lx, ly + 3);
                tpl.lineTo(lx + 22, ly + 3);
                tpl.stroke();
                tpl.setLineDash(new float[] {}, 0);
                marker(tpl, s, lx + 11, ly + 3, 2.5f);
                text(tpl, Element.ALIGN_LEFT, series.name(), lx + 28, ly, 8, INK);
            }
            keep(doc, total + 40);
            put(doc, caption, PdfName.CAPTION);
            Image image = Image.getInstance(tpl);
            image.setAlt(c.title());
            put(doc, image, PdfName.FIGURE, c.title());
        }

        private void marker(PdfTemplate tpl, int s, float x, float y, float r) {
            switch (s % 3) {
                case 0 -> tpl.circle(x, y, r);
                case 1 -> tpl.rectangle(x - r, y - r, 2 * r, 2 * r);
                default -> {
                    tpl.moveTo(x, y + r * 1.2f);
                    tpl.lineTo(x - r * 1.1f, y - r * 0.8f);
                    tpl.lineTo(x + r * 1.1f, y - r * 0.8f);
                    tpl.closePath();
                }
            }
            tpl.fill();
        }

        private void text(PdfContentByte cb, int align, String s, float x, float y, float size, Color colour) {
            cb.beginText();
            cb.setFontAndSize(base, size);
            cb.setColorFill(colour);
            cb.showTextAligned(align, s, x, y, 0);
            cb.endText();
        }

        private String format(double v) {
            return Math.abs(v - Math.rint(v)) < 1e-9 ? String.valueOf((long) Math.rint(v))
                    : String.format(Locale.forLanguageTag(source.language()), "%.1f", v);
        }

        @Override
        public void onGenericTag(PdfWriter w, Document doc, Rectangle rect, String text) {
            Integer index = tagIndex.remove(text);
            if (index == null) {
                return;
            }
            while (startPages.size() <= index) {
                startPages.add(0);
            }
            startPages.set(index, w.getPageNumber());
            new PdfOutline(w.getRootOutline(), new PdfDestination(PdfDestination.FITH, rect.getTop() + 20),
                    source.sections().get(index).heading());
        }

        @Override
        public void onEndPage(PdfWriter w, Document doc) {
            pages = w.getPageNumber();
            PdfContentByte cb = w.getDirectContent();
            cb.beginMarkedContentSequence(ARTIFACT);
            float y = doc.bottom() - 30;
            cb.setColorStroke(LINE);
            cb.setLineWidth(0.5f);
            cb.moveTo(doc.left(), y + 12);
            cb.lineTo(doc.right(), y + 12);
            cb.stroke();
            text(cb, Element.ALIGN_LEFT, source.footer(), doc.left(), y, 8, MUTED);
            String page = MessageFormat.format(source.pageOf(), pages, knownPages == 0 ? "00" : knownPages);
            text(cb, Element.ALIGN_RIGHT, page, doc.right(), y, 8, MUTED);
            cb.endMarkedContentSequence();
        }
    }
}
