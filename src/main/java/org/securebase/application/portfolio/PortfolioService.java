package org.securebase.application.portfolio;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.securebase.application.CurriculumService;
import org.securebase.application.MirrorService;
import org.securebase.application.ReflectionService;
import org.securebase.application.ReviewService;
import org.securebase.application.SelfRatingResults;
import org.securebase.application.SelfRatingService;
import org.securebase.application.content.ContentCatalog;
import org.securebase.domain.BusinessException;
import org.securebase.domain.NotFoundException;
import org.securebase.domain.account.Account;
import org.securebase.domain.account.Role;
import org.securebase.domain.curriculum.CurriculumDefinition;
import org.securebase.domain.portfolio.PortfolioDocument;
import org.securebase.domain.portfolio.PortfolioItem;
import org.securebase.domain.reflection.Reflection;
import org.securebase.domain.reflection.ReflectionStatus;

/**
 * A trainee's portfolio PDF: they choose among their accepted reflections, their self-ratings and their mirror;
 * the PDF is made for them alone, under a verification code whose public record names what it contained (titles
 * and version numbers), when, and the SHA-256 of its bytes, never the reflections' text. Only a student reaches
 * any of this about themselves: anyone else, and anything not theirs, is "not found". Nothing here reads another
 * person's work, so there is no read to audit; the public verification reads only the record.
 */
@Stateless
public class PortfolioService {

    /** Without 0/O, 1/I/L: a code read aloud or typed from paper survives. 31^12 is about 2^59. */
    private static final String ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ";
    private static final SecureRandom RANDOM = new SecureRandom();

    @PersistenceContext
    private EntityManager em;

    @Inject
    private ReflectionService reflections;

    @Inject
    private ReviewService reviews;

    @Inject
    private SelfRatingService ratings;

    @Inject
    private CurriculumService curricula;

    @Inject
    private MirrorService mirrors;

    @Inject
    private ContentCatalog catalog;

    @Inject
    private PortfolioWriter writer;

    @Inject
    private Clock clock;

    /** An accepted reflection the trainee may put in a PDF. */
    public record Choice(long reflectionId, String moduleTitle, int version, Instant submittedAt) {
    }

    /** What the trainee ticked. */
    public record Selection(List<Long> reflectionIds, boolean selfRatings, boolean mirror) {
    }

    public record Issued(String code, byte[] pdf, String fileName) {
    }

    /** What the public record of a code says. */
    public record Verification(String code, String holder, String school, Instant issuedAt,
            Optional<Instant> revokedAt, List<PortfolioItem> items, String sha256, int pages) {

        static Verification of(PortfolioDocument d) {
            return new Verification(d.getCode(), d.getHolderName(), d.getSchoolName(), d.getIssuedAt(), d.revokedAt(),
                    d.getItems(), d.getSha256(), d.getPages());
        }

        public long count(PortfolioItem.Kind kind) {
            return items.stream().filter(i -> i.getKind() == kind).count();
        }
    }

    public List<Choice> choices(Account student, Locale locale) {
        return accepted(student).stream().map(r -> new Choice(r.getId(),
                catalog.inLanguage(reflections.definition(r), locale).title(),
                r.latestVersion().orElseThrow().getNumber(), r.getSubmittedAt())).toList();
    }

    /** Whether the trainee has self-ratings to chart. */
    public boolean hasSelfRatings(Account student) {
        return !selfRatings(requireStudent(student)).isEmpty();
    }

    /**
     * Makes the PDF of what was chosen and records its code.
     *
     * @throws NotFoundException when a chosen reflection is not the trainee's, or not accepted
     */
    public Issued issue(Account student, Selection selection, Locale locale, PortfolioComposer composer) {
        Account holder = em.find(Account.class, requireStudent(student).getId());
        List<Long> ids = new ArrayList<>(new LinkedHashSet<>(selection.reflectionIds()));
        if (ids.isEmpty() && !selection.selfRatings() && !selection.mirror()) {
            throw new BusinessException("portfolio.nothingChosen", "nothing chosen");
        }
        List<PortfolioContent.ReflectionPart> parts = new ArrayList<>();
        List<PortfolioItem> items = new ArrayList<>();
        for (long id : ids) {
            Reflection reflection = reflections.getOwn(holder, id);
            if (reflection.getStatus() != ReflectionStatus.ACCEPTED) {
                throw new NotFoundException("accepted reflection " + id);
            }
            var module = catalog.inLanguage(reflections.definition(reflection), locale);
            List<PortfolioContent.VersionPart> versions = reviews.feedback(holder, reflection).stream()
                    .map(v -> new PortfolioContent.VersionPart(v.version(), v.review(), v.review()
                            .map(r -> catalog.inLanguage(reviews.rubric(r.getRubric()), locale)).orElse(null)))
                    .toList();
            parts.add(new PortfolioContent.ReflectionPart(reflection, module, versions));
            items.add(new PortfolioItem(PortfolioItem.Kind.REFLECTION, module.title(),
                    reflection.latestVersion().orElseThrow().getNumber()));
        }
        Optional<CurriculumDefinition> curriculum = curricula.curriculumOf(holder);
        List<SelfRatingResults> results = selection.selfRatings() ? selfRatings(holder) : List.of();
        if (selection.selfRatings() && results.isEmpty()) {
            throw new BusinessException("portfolio.noRatings", "no self-ratings to chart");
        }
        results.forEach(r -> items.add(new PortfolioItem(PortfolioItem.Kind.SELF_RATING,
                catalog.inLanguage(r.instrument(), locale).title(), null)));
        Optional<MirrorService.Mirror> mirror = selection.mirror() ? Optional.of(mirrors.of(holder))
                : Optional.empty();
        mirror.ifPresent(m -> items.add(new PortfolioItem(PortfolioItem.Kind.MIRROR, null, null)));

        String code = newCode();
        Instant now = clock.instant();
        String school = holder.getSchool().getName();
        PortfolioContent content = new PortfolioContent(code, now, locale, holder.getDisplayName(), school, parts,
                curriculum, results, mirror);
        PortfolioWriter.Written written = writer.write(composer.compose(content));
        em.persist(new PortfolioDocument(holder, code, holder.getDisplayName(), school, locale.toLanguageTag(), items,
                sha256(written.bytes()), written.pages(), now));
        em.flush();
        return new Issued(code, written.bytes(), "portfolio-" + code + ".pdf");
    }

    /** The trainee's issued documents, newest first. */
    public List<Verification> issued(Account student) {
        return em.createNamedQuery("PortfolioDocument.ofOwner", PortfolioDocument.class)
                .setParameter("owner", requireStudent(student)).getResultStream().map(Verification::of).toList();
    }

    /** The public record of a code: anyone with the code may read it. */
    public Optional<Verification> verify(String code) {
        return find(code).map(Verification::of);
    }

    /** Whether the bytes given are exactly the PDF issued under the code. */
    public boolean sameBytes(String code, byte[] pdf) {
        return find(code).map(d -> d.matches(sha256(pdf))).orElse(false);
    }

    /** Whether a pasted SHA-256 is the one recorded for the code. */
    public boolean sameHash(String code, String sha256) {
        return find(code).map(d -> d.matches(sha256)).orElse(false);
    }

    public void revoke(Account student, String code) {
        find(code).orElseThrow(() -> new NotFoundException("portfolio " + code))
                .revoke(requireStudent(student), clock.instant());
        em.flush();
    }

    private Optional<PortfolioDocument> find(String code) {
        if (code == null) {
            return Optional.empty();
        }
        String normal = code.strip().toUpperCase(Locale.ROOT);
        return em.createNamedQuery("PortfolioDocument.byCode", PortfolioDocument.class).setParameter("code", normal)
                .getResultStream().findFirst();
    }

    private List<Reflection> accepted(Account student) {
        return em.createNamedQuery("PortfolioDocument.acceptedReflections", Reflection.class)
                .setParameter("student", requireStudent(student)).getResultList();
    }

    private List<SelfRatingResults> selfRatings(Account student) {
        return curricula.curriculumOf(student).map(c -> ratings.results(student, c)).orElse(List.of()).stream()
                .filter(r -> r.scores().values().stream().flatMap(List::stream).anyMatch(Optional::isPresent))
                .toList();
    }

    private static Account requireStudent(Account account) {
        if (account == null || account.getRole() != Role.STUDENT) {
            throw new NotFoundException("portfolios are students' own");
        }
        return account;
    }

    private String newCode() {
        for (int attempt = 0; attempt < 5; attempt++) {
            StringBuilder code = new StringBuilder();
            for (int i = 0; i < 12; i++) {
                if (i > 0 && i % 4 == 0) {
                    code.append('-');
                }
                code.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
            }
            if (find(code.toString()).isEmpty()) {
                return code.toString();
            }
        }
        throw new IllegalStateException("no free verification code");
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
