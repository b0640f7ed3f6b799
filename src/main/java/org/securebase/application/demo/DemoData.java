package org.securebase.application.demo;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.logging.Logger;
import java.util.stream.Stream;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.securebase.application.AccountService;
import org.securebase.application.ReviewService;
import org.securebase.application.content.ContentCatalog;
import org.securebase.domain.account.Account;
import org.securebase.domain.account.Role;
import org.securebase.domain.balint.BalintGroup;
import org.securebase.domain.balint.BalintMembership;
import org.securebase.domain.balint.BalintSession;
import org.securebase.domain.balint.Phase;
import org.securebase.domain.curriculum.CurriculumDefinition;
import org.securebase.domain.curriculum.CurriculumDefinition.Milestone;
import org.securebase.domain.instrument.InstrumentDefinition;
import org.securebase.domain.instrument.SelfRating;
import org.securebase.domain.module.ContentVersion;
import org.securebase.domain.module.ModuleDefinition;
import org.securebase.domain.module.ModuleProgress;
import org.securebase.domain.reflection.Reflection;
import org.securebase.domain.reflection.ReflectionVersion;
import org.securebase.domain.review.Review;
import org.securebase.domain.school.Cohort;
import org.securebase.domain.school.Programme;
import org.securebase.domain.school.School;
import org.securebase.infrastructure.persistence.DatabaseMigration;

/**
 * A demo for trying the application, created only when demo data is switched on (DEMO_DATA=true, as scripts/run
 * does) and the database has no schools. Northgate has two cohorts: year 3 (a tutor, three students who can sign
 * in, and ten fictional classmates who cannot, with self-ratings so that cohort views have something to show) and
 * year 4 (another tutor and a student). Year 3 also has a Balint group with a session in its third phase. Eastbridge, a second school, has only an administrator: it shows that
 * schools do not see each other.
 */
@Singleton
@Startup
@DependsOn({"DatabaseMigration", "ContentImporter"})
public class DemoData {

    /** Published in README.md: never switch demo data on in production. */
    public static final String PASSWORD = "Secure-Base-2026";

    public record DemoAccount(String email, String name, Role role) {
    }

    public static final List<DemoAccount> ACCOUNTS = List.of(
            new DemoAccount("student1@demo.securebase.org", "Amara Okafor", Role.STUDENT),
            new DemoAccount("student2@demo.securebase.org", "Tomasz Nowak", Role.STUDENT),
            new DemoAccount("student3@demo.securebase.org", "Priya Raman", Role.STUDENT),
            new DemoAccount("tutor@demo.securebase.org", "Dr Helen Marsh", Role.TUTOR),
            new DemoAccount("admin@demo.securebase.org", "Sam Whitfield", Role.SCHOOL_ADMIN));

    /** The year 4 cohort, in the same school. */
    public static final List<DemoAccount> YEAR_4 = List.of(
            new DemoAccount("student4@demo.securebase.org", "Jonas Berg", Role.STUDENT),
            new DemoAccount("tutor2@demo.securebase.org", "Dr Kwame Mensah", Role.TUTOR));

    /** The other school's administrator. */
    public static final DemoAccount OTHER_ADMIN = new DemoAccount("admin2@demo.securebase.org", "Ines Carvalho",
            Role.SCHOOL_ADMIN);

    /** Fictional year 3 students: members of the cohort with self-ratings, without a password. */
    static final List<String> CLASSMATES = List.of("Lena Fischer", "Oluwaseun Adeyemi", "Mei Lin Chen",
            "Rafael Duarte", "Hannah Price", "Yusuf Karim", "Aoife Byrne", "Daniel Mwangi", "Sofia Rossi",
            "Arjun Mehta");

    public static final String YEAR_3 = "Year 3 communication block 2026/27";

    private static final Logger LOG = Logger.getLogger(DemoData.class.getName());

    @Inject
    @ConfigProperty(name = "demo.data", defaultValue = "false")
    private boolean enabled;

    /**
     * For {@code scripts/bench} only (DEMO_BENCH_STUDENTS=100): this many more students who can sign in, in five
     * more cohorts of the first school, each with its own tutor (bench-tutor1 to 5, bench-student1 to N, same
     * password). Off (0) by default, so the demo people sees stays as described above.
     */
    @Inject
    @ConfigProperty(name = "demo.bench.students", defaultValue = "0")
    private int benchStudents;

    static final int BENCH_COHORTS = 5;

    @Inject
    private DatabaseMigration migration;

    @Inject
    private AccountService accounts;

    @Inject
    private ContentCatalog catalog;

    @Inject
    private ReviewService reviews;

    @PersistenceContext
    private EntityManager em;

    @Inject
    private Clock clock;

    @PostConstruct
    void create() {
        if (!enabled || !migration.isMigrated()) {
            return;
        }
        // Only an installation without schools gets the demo ones (the operator, made from configuration, may be
        // there already: it belongs to no school).
        if (em.createQuery("select count(s) from School s", Long.class).getSingleResult() > 0) {
            LOG.info("Demo data: schools exist already, nothing created");
            return;
        }
        School school = new School("Northgate Medical School (demo)", clock.instant());
        em.persist(school);
        Programme mbbs = new Programme(school,
                "MBBS (demo)", clock.instant());
        em.persist(mbbs);
        Cohort cohort = new Cohort(school, YEAR_3, clock.instant());
        cohort.placeIn(mbbs);
        em.persist(cohort);
        Cohort year4 = new Cohort(school, "Year 4 general practice placement 2026/27", clock.instant());
        year4.placeIn(mbbs);
        em.persist(year4);
        enrol(ACCOUNTS, school, cohort);
        enrol(YEAR_4, school, year4);
        School other = new School("Eastbridge Medical School (demo)", clock.instant());
        em.persist(other);
        enrol(List.of(OTHER_ADMIN), other, null);
        catalog.curricula().stream().findFirst().ifPresent(curriculum -> {
            cohort.follow(curriculum.slug());
            year4.follow(curriculum.slug());
            List<Account> classmates = classmates(school, cohort, curriculum);
            reflections(classmates, curriculum);
            balintGroup(school, cohort, classmates);
            benchCohorts(school, mbbs, curriculum.slug());
        });
        StringBuilder list = new StringBuilder("Demo data created. Sign in with password '" + PASSWORD + "' as:");
        Stream.of(ACCOUNTS, YEAR_4, List.of(OTHER_ADMIN)).flatMap(List::stream)
                .forEach(a -> list.append("\n  ").append(a.role()).append("  ").append(a.email()));
        LOG.info(list::toString);
    }

    private void benchCohorts(School school, Programme programme, String curriculum) {
        if (benchStudents <= 0) {
            return;
        }
        List<Cohort> cohorts = new ArrayList<>();
        for (int i = 1; i <= BENCH_COHORTS; i++) {
            Cohort cohort = new Cohort(school, "Bench cohort " + i, clock.instant());
            cohort.placeIn(programme);
            cohort.follow(curriculum);
            em.persist(cohort);
            cohort.enrol(accounts.create("bench-tutor" + i + "@demo.securebase.org", "Bench Tutor " + i, Role.TUTOR,
                    school, PASSWORD.toCharArray()));
            cohorts.add(cohort);
        }
        for (int i = 1; i <= benchStudents; i++) {
            cohorts.get((i - 1) % BENCH_COHORTS).enrol(accounts.create("bench-student" + i + "@demo.securebase.org",
                    "Bench Student " + i, Role.STUDENT, school, PASSWORD.toCharArray()));
        }
        LOG.info(() -> "Demo data: " + benchStudents + " bench students in " + BENCH_COHORTS
                + " bench cohorts (bench-student1 to " + benchStudents + ", bench-tutor1 to " + BENCH_COHORTS + ")");
    }

    private void enrol(List<DemoAccount> people, School school, Cohort cohort) {
        for (DemoAccount demo : people) {
            Account account = accounts.create(demo.email(), demo.name(), demo.role(), school, PASSWORD.toCharArray());
            if (cohort != null && demo.role() != Role.SCHOOL_ADMIN) {
                cohort.enrol(account);
            }
        }
    }

    /**
     * Classmates who rate themselves at the curriculum's milestones: each starts at their own level and most grow
     * a little; a few stop rating part-way, as real students do. Seeded, so every demo looks the same.
     */
    private List<Account> classmates(School school, Cohort cohort, CurriculumDefinition curriculum) {
        List<Account> created = new ArrayList<>();
        Random random = new Random(2026);
        Map<String, ContentVersion> versions = new HashMap<>();
        for (ContentVersion v : catalog.currentInstruments()) {
            versions.put(v.getSlug(), v);
        }
        List<Milestone> milestones = curriculum.milestones();
        for (int i = 0; i < CLASSMATES.size(); i++) {
            String name = CLASSMATES.get(i);
            Account student = new Account("classmate" + (i + 1) + "@demo.securebase.org", name, Role.STUDENT, school,
                    null, clock.instant());
            em.persist(student);
            cohort.enrol(student);
            created.add(student);
            // The fictional classmates agreed to research use, so the research export has rows to show.
            em.persist(new org.securebase.domain.privacy.ResearchConsent(student, true, clock.instant()));
            double level = 2.6 + random.nextDouble() * 1.8;
            double growth = 0.15 + random.nextDouble() * 0.35;
            int stopsAfter = i < 8 ? milestones.size() : 1 + random.nextInt(milestones.size() - 1);
            for (int m = 0; m < stopsAfter; m++) {
                Milestone milestone = milestones.get(m);
                for (String slug : milestone.instruments()) {
                    ContentVersion version = versions.get(slug);
                    if (version == null) {
                        continue;
                    }
                    InstrumentDefinition instrument = catalog.instrument(version);
                    rate(student, version, instrument, curriculum, milestone, SelfRating.Perspective.NOW,
                            level + growth * m, random);
                    if (milestone.retrospective()) {
                        rate(student, version, instrument, curriculum, milestone, SelfRating.Perspective.THEN,
                                level - 0.4, random);
                    }
                }
            }
        }
        return created;
    }

    /** Demo answers: plausible, short, and the same for every module, so they fit whichever comes first. */
    private static final List<String> ANSWERS = List.of(
            "I noticed that I wanted to reassure quickly and move on. When the patient asked the same question a "
                    + "second time I felt a flash of impatience, and I think she saw it. Looking back, the question "
                    + "was less about the result than about whether someone would stay with her while she waited.",
            "I kept to the checklist because it felt safe. The patient said very little and I filled the silences "
                    + "with information. I am not sure I left room for him to say what worried him; next time I "
                    + "would ask one open question and then wait.",
            "My first reaction was to feel pushed away, and I stepped back. I wonder now whether the sharpness was "
                    + "a test of whether I would come back. I would name what I noticed, calmly, and say when I "
                    + "will see her again.",
            "Honestly I found this consultation tiring. I felt pulled between wanting to fix everything and "
                    + "wanting to leave. Writing this, I can see the pull came partly from me: I do not like being "
                    + "the person who cannot help.");

    /** Four classmates have submitted reflections on the curriculum's first module, a few days apart. */
    private void reflections(List<Account> classmates, CurriculumDefinition curriculum) {
        List<String> modules = curriculum.moduleSlugs();
        if (modules.isEmpty()) {
            return;
        }
        ContentVersion version = catalog.findCurrentModule(modules.get(0), classmates.get(0).getSchool()).orElse(null);
        if (version == null) {
            return;
        }
        ModuleDefinition definition = catalog.module(version);
        Random random = new Random(2027);
        for (Account classmate : classmates) {
            walk(classmate, version, definition, random);
        }
        for (int i = 0; i < Math.min(4, classmates.size()); i++) {
            Instant when = clock.instant().minus(Duration.ofDays(4L - i)).minusSeconds(3600L * i);
            Reflection reflection = new Reflection(classmates.get(i), version, when);
            em.persist(reflection);
            for (int p = 0; p < definition.prompts().size(); p++) {
                reflection.saveDraft(definition, definition.prompts().get(p).id(),
                        ANSWERS.get((i + p) % ANSWERS.size()) + "\n\n" + ANSWERS.get((i + p + 1) % ANSWERS.size()), 0,
                        when);
            }
            ReflectionVersion submitted = reflection.submit(definition, when);
            em.flush();
            em.persist(new Review(submitted, catalog.defaultRubric().slug(), when));
        }
    }

    private Account demoAccount(String email) {
        return em.createNamedQuery("Account.byEmail", Account.class).setParameter("email", email).getSingleResult();
    }

    /**
     * A Balint group in the year 3 cohort, led by the tutor: the three students who can sign in and five classmates,
     * all having accepted the agreement. Its first session is in phase 3 (the group works): a classmate presented
     * the case, questions of fact were asked and answered, two members have written. A second session follows in a
     * fortnight.
     */
    private void balintGroup(School school, Cohort cohort, List<Account> classmates) {
        Instant now = clock.instant();
        Instant opened = now.minus(Duration.ofDays(2));
        Account leader = demoAccount("tutor@demo.securebase.org");
        List<Account> members = new ArrayList<>();
        for (int i = 1; i <= 3; i++) {
            members.add(demoAccount("student" + i + "@demo.securebase.org"));
        }
        members.addAll(classmates.subList(0, Math.min(5, classmates.size())));
        BalintGroup group = new BalintGroup(school, BALINT_GROUP, leader, cohort, null,
                opened.minus(Duration.ofDays(5)));
        em.persist(group);
        for (Account member : members) {
            BalintMembership membership = new BalintMembership(group, member, opened.minus(Duration.ofDays(5)));
            membership.accept(opened.minus(Duration.ofDays(4)));
            em.persist(membership);
        }
        BalintSession session = new BalintSession(group, 1, opened, opened.plus(Duration.ofDays(7)));
        em.persist(session);
        em.persist(new BalintSession(group, 2, opened.plus(Duration.ofDays(14)), opened.plus(Duration.ofDays(21))));
        Account presenter = members.get(3);
        Account amara = members.get(0);
        Account other = members.get(4);
        session.choosePresenter(Phase.Seat.LEADER, leader, presenter);
        Instant t = opened.plus(Duration.ofHours(2));
        em.persist(session.post(presenter, Phase.Seat.PRESENTER, BALINT_CASE, t));
        session.advance(Phase.Seat.LEADER, t = t.plus(Duration.ofHours(20)));
        em.persist(session.post(other, Phase.Seat.MEMBER, "Did she come alone to the appointments, or with someone?",
                t = t.plus(Duration.ofHours(1))));
        em.persist(session.post(presenter, Phase.Seat.PRESENTER, "Alone, always. Her daughter drove her once and "
                + "waited in the car park.", t = t.plus(Duration.ofHours(2))));
        em.persist(session.post(amara, Phase.Seat.MEMBER, "What did you say when she asked you to stay on?",
                t = t.plus(Duration.ofHours(1))));
        em.persist(session.post(presenter, Phase.Seat.PRESENTER, "That it was not up to me. Which was true, and "
                + "not the whole truth.", t = t.plus(Duration.ofHours(1))));
        session.advance(Phase.Seat.LEADER, t = t.plus(Duration.ofHours(12)));
        em.persist(session.post(other, Phase.Seat.MEMBER, "I felt a weight reading this, as if I were the one "
                + "being left. I kept picturing her folding the prescription very small before putting it away.",
                t = t.plus(Duration.ofHours(1))));
        em.persist(session.post(members.get(5), Phase.Seat.MEMBER, "I noticed I was cross with her, and then "
                + "ashamed of it. Perhaps some of the crossness belongs to the doctor, who could not say what she "
                + "felt about leaving.", t.plus(Duration.ofHours(3))));
    }

    public static final String BALINT_GROUP = "Year 3 Balint group (demo)";

    /** A fictional case, as a trainee might remember it: no real patient, nothing to identify. */
    static final String BALINT_CASE = "A woman in her seventies whom I saw five times during my general practice "
            + "placement. She came each time with a different small complaint: a cough, her knee, a rash that had "
            + "gone by the time I looked. The examination was always normal.\n\nAt the fourth visit she asked how "
            + "long I would be at the practice. When I said six more weeks she went quiet and then talked about her "
            + "husband, who died last winter, for the rest of the appointment. I ran twenty minutes late and felt "
            + "irritated with her, and guilty about feeling it.\n\nAt the last visit she brought me a card. I did "
            + "not know whether I was allowed to accept it. I still think about her more than about patients who "
            + "were much more ill.";

    /**
     * A classmate reads the case to its end, committing at each question: the reading the module marks best about
     * two times in three, so the cohort's choices (staff/choices.xhtml) have something to debrief.
     */
    private void walk(Account student, ContentVersion version, ModuleDefinition definition, Random random) {
        Instant when = clock.instant().minus(Duration.ofDays(6));
        ModuleProgress progress = new ModuleProgress(student, version, when);
        em.persist(progress);
        for (int guard = 0; guard <= definition.stages().size() && !progress.isComplete(definition); guard++) {
            List<Integer> path = progress.path(definition);
            int current = path.get(path.size() - 1);
            ModuleDefinition.Question question = definition.stages().get(current).question();
            if (question != null && progress.chosenOption(current).isEmpty()) {
                List<Integer> best = new ArrayList<>();
                for (int o = 0; o < question.options().size(); o++) {
                    if (question.options().get(o).correct()) {
                        best.add(o);
                    }
                }
                int option = random.nextInt(3) < 2 && !best.isEmpty() ? best.get(random.nextInt(best.size()))
                        : random.nextInt(question.options().size());
                progress.answer(definition, current, option, when);
            }
            progress.advance(definition, when);
        }
    }

    private void rate(Account student, ContentVersion version, InstrumentDefinition instrument,
            CurriculumDefinition curriculum, Milestone milestone, SelfRating.Perspective perspective, double level,
            Random random) {
        Map<String, Integer> answers = new HashMap<>();
        for (InstrumentDefinition.Item item : instrument.items()) {
            int min = instrument.scale().min();
            int max = instrument.scale().max();
            double centre = min + (max - min) * (level - 1) / 6;
            int value = (int) Math.max(min, Math.min(max, Math.round(centre + random.nextGaussian() * 0.9)));
            answers.put(item.id(), item.reverse() ? instrument.scale().reverse(value) : value);
        }
        SelfRating rating = new SelfRating(student, version, curriculum.slug(), milestone.id(), perspective,
                clock.instant());
        rating.record(instrument, answers, clock.instant());
        rating.submit(clock.instant());
        em.persist(rating);
    }
}
