package org.securebase.infrastructure.content;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.securebase.domain.module.ModuleDefinition;
import org.securebase.domain.module.ModuleDefinition.Stage;

/**
 * The ways a trainee can walk through a case, and the checks that every one of them can be finished. A path is a
 * distinct sequence of stages from the first: at a stage with a question the trainee may choose any option, and
 * the routing is the domain's own ({@link ModuleDefinition#nextIndex}), so the validator checks exactly what the
 * application will do. Paths are counted, never listed, so a case with many branches costs time linear in its
 * stages; a case with more than {@link #MAX_PATHS} ways through is still refused, as no tutor could read them.
 *
 * <p>
 * With every {@code next} naming a stage and no cycle, each walk is finite and stops where the domain finds no
 * next stage: an {@code ending} or the last stage in the file. So the dead ends an author can write are a
 * {@code next} to a missing stage (the case stops mid-way), a cycle (it never stops), and an option routing away
 * from an {@code ending} (the parser refuses that one); each is reported at its line.
 */
public final class CaseGraph {

    /** Every way through a branching case has at least this many stages, so a pattern has room to unfold. */
    static final int MIN_STAGES = 3;

    /** More ways through than this are refused: nobody could review or debrief them. */
    static final int MAX_PATHS = 10_000;

    /** Where a stage and its routing were written: line of the stage, of its {@code next:} and of each option's. */
    record Lines(int stage, int next, List<Integer> optionNext) {
    }

    /** How many ways through a case there are, and the shortest and longest, counted in stages. */
    public record Summary(long paths, int shortest, int longest) {

        /** "1 path, 4 stages" or "4 paths, 4 to 5 stages". */
        @Override
        public String toString() {
            return paths == 1 ? "1 path, " + shortest + (shortest == 1 ? " stage" : " stages")
                    : paths + " paths, " + shortest + " to " + longest + " stages";
        }
    }

    /** Marks a walk that stops after a stage, among that stage's successors. */
    private static final int END = -1;

    private final ModuleDefinition routing;
    private final List<Set<Integer>> successors = new ArrayList<>();

    private CaseGraph(List<Stage> stages) {
        routing = new ModuleDefinition(null, null, List.of(), List.of(), null, 0, null, List.of(), stages, List.of(),
                null, List.of());
        for (int i = 0; i < stages.size(); i++) {
            Set<Integer> next = new LinkedHashSet<>();
            Stage stage = stages.get(i);
            int options = stage.question() == null ? 0 : stage.question().options().size();
            if (options == 0) {
                next.add(routing.nextIndex(i, -1).orElse(END));
            }
            for (int o = 0; o < options; o++) {
                next.add(routing.nextIndex(i, o).orElse(END));
            }
            successors.add(next);
        }
    }

    /** The paths of a valid module (one the parser accepted, so without cycles). */
    public static Summary summary(ModuleDefinition definition) {
        CaseGraph graph = new CaseGraph(definition.stages());
        return graph.stages() == 0 ? new Summary(0, 0, 0) : graph.measure(graph.topologicalOrder().orElseThrow());
    }

    /** Where {@link #check} reports: a line and a message key of {@code problems.properties} with its arguments. */
    @FunctionalInterface
    interface Problems {
        void add(int line, String key, Object... args);
    }

    /** Reports, through {@code problem}, every way the stages cannot be walked to an end. */
    static void check(List<Stage> stages, List<Lines> lines, Problems problem) {
        if (stages.isEmpty()) {
            return;
        }
        CaseGraph graph = new CaseGraph(stages);
        if (!graph.reportMissingTargets(lines, problem)) {
            return; // a mistyped next: would also make its stage look unreachable; one message is enough
        }
        graph.reportUnreachable(lines, problem);
        if (!graph.reportCycles(lines, problem)) {
            return;
        }
        List<Integer> order = graph.topologicalOrder().orElseThrow();
        Summary summary = graph.measure(order);
        if (summary.paths() > MAX_PATHS) {
            problem.add(lines.get(0).stage(), "case.tooManyPaths", MAX_PATHS);
        }
        if (graph.routing.branches()) {
            graph.reportShortPaths(order, lines, problem);
        }
    }

    private int stages() {
        return routing.stages().size();
    }

    private String id(int index) {
        return routing.stages().get(index).id();
    }

    private boolean reportMissingTargets(List<Lines> lines, Problems problem) {
        boolean ok = true;
        String known = String.join(", ", routing.stages().stream().map(Stage::id).toList());
        for (int i = 0; i < stages(); i++) {
            Stage stage = routing.stages().get(i);
            if (stage.next() != null && routing.indexOf(stage.next()) < 0) {
                problem.add(lines.get(i).next(), "case.unknownNext", stage.next(), known);
                ok = false;
            }
            int options = stage.question() == null ? 0 : stage.question().options().size();
            for (int o = 0; o < options; o++) {
                String target = stage.question().options().get(o).next();
                if (target != null && routing.indexOf(target) < 0) {
                    problem.add(lines.get(i).optionNext().get(o), "case.unknownNext", target, known);
                    ok = false;
                }
            }
        }
        return ok;
    }

    private void reportUnreachable(List<Lines> lines, Problems problem) {
        boolean[] reached = new boolean[stages()];
        Deque<Integer> todo = new ArrayDeque<>(List.of(0));
        reached[0] = true;
        while (!todo.isEmpty()) {
            for (int next : successors.get(todo.pop())) {
                if (next != END && !reached[next]) {
                    reached[next] = true;
                    todo.push(next);
                }
            }
        }
        for (int i = 0; i < stages(); i++) {
            if (!reached[i]) {
                problem.add(lines.get(i).stage(), "case.unreachable", id(i));
            }
        }
    }

    /** Depth first from the first stage; a step back onto the stages being walked closes a cycle. */
    private boolean reportCycles(List<Lines> lines, Problems problem) {
        int[] state = new int[stages()]; // 0 not seen, 1 on the walk, 2 done
        boolean[] reported = new boolean[stages()];
        Deque<int[]> walk = new ArrayDeque<>(); // {stage, position in its successors}
        walk.push(new int[] {0, 0});
        state[0] = 1;
        boolean acyclic = true;
        while (!walk.isEmpty()) {
            int[] top = walk.peek();
            Integer[] next = successors.get(top[0]).toArray(Integer[]::new);
            if (top[1] == next.length) {
                state[top[0]] = 2;
                walk.pop();
                continue;
            }
            int target = next[top[1]++];
            if (target == END) {
                continue;
            }
            if (state[target] == 1) {
                acyclic = false;
                if (!reported[top[0]]) {
                    reported[top[0]] = true;
                    problem.add(lines.get(top[0]).stage(), "case.cycle", id(top[0]), id(target));
                }
            } else if (state[target] == 0) {
                state[target] = 1;
                walk.push(new int[] {target, 0});
            }
        }
        return acyclic;
    }

    /** The stages reachable from the first, each before every stage it leads to; empty when there is a cycle. */
    private Optional<List<Integer>> topologicalOrder() {
        int[] incoming = new int[stages()];
        boolean[] reachable = new boolean[stages()];
        Deque<Integer> todo = new ArrayDeque<>(List.of(0));
        reachable[0] = true;
        while (!todo.isEmpty()) {
            for (int next : successors.get(todo.pop())) {
                if (next != END && !reachable[next]) {
                    reachable[next] = true;
                    todo.push(next);
                }
            }
        }
        for (int i = 0; i < stages(); i++) {
            for (int next : successors.get(i)) {
                if (reachable[i] && next != END) {
                    incoming[next]++;
                }
            }
        }
        if (incoming[0] > 0) {
            return Optional.empty();
        }
        List<Integer> order = new ArrayList<>();
        Deque<Integer> ready = new ArrayDeque<>(List.of(0));
        while (!ready.isEmpty()) {
            int stage = ready.poll();
            order.add(stage);
            for (int next : successors.get(stage)) {
                if (next != END && --incoming[next] == 0) {
                    ready.add(next);
                }
            }
        }
        long count = Arrays.stream(incoming).filter(n -> n > 0).count();
        return count == 0 ? Optional.of(order) : Optional.empty();
    }

    /** Counts paths from the last stage backwards; counts stop just above the cap, so they never overflow. */
    private Summary measure(List<Integer> order) {
        long[] paths = new long[stages()];
        int[] shortest = new int[stages()];
        int[] longest = new int[stages()];
        for (int k = order.size() - 1; k >= 0; k--) {
            int stage = order.get(k);
            int min = Integer.MAX_VALUE;
            int max = 0;
            for (int next : successors.get(stage)) {
                paths[stage] = Math.min(MAX_PATHS + 1L, paths[stage] + (next == END ? 1 : paths[next]));
                min = Math.min(min, next == END ? 0 : shortest[next]);
                max = Math.max(max, next == END ? 0 : longest[next]);
            }
            shortest[stage] = 1 + min;
            longest[stage] = 1 + max;
        }
        return new Summary(paths[0], shortest[0], longest[0]);
    }

    /** Every stage where a path can stop, reached after fewer than {@link #MIN_STAGES} stages. */
    private void reportShortPaths(List<Integer> order, List<Lines> lines, Problems problem) {
        int[] depth = new int[stages()];
        int[] previous = new int[stages()];
        Arrays.fill(depth, Integer.MAX_VALUE);
        depth[0] = 1;
        previous[0] = END;
        for (int stage : order) {
            for (int next : successors.get(stage)) {
                if (next != END && depth[stage] + 1 < depth[next]) {
                    depth[next] = depth[stage] + 1;
                    previous[next] = stage;
                }
            }
        }
        for (int stage : order) {
            if (successors.get(stage).contains(END) && depth[stage] < MIN_STAGES) {
                List<String> path = new ArrayList<>();
                for (int s = stage; s != END; s = previous[s]) {
                    path.add(0, id(s));
                }
                problem.add(lines.get(stage).stage(), "case.shortPath", id(stage), depth[stage],
                        String.join(", ", path), MIN_STAGES);
            }
        }
    }
}
