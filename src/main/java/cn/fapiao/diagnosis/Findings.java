package cn.fapiao.diagnosis;

import cn.fapiao.diagnosis.api.Finding;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** Collects findings of one diagnosis and orders them: problems first, then warnings, then information. */
final class Findings {

    private final List<Finding> list = new ArrayList<>();

    void problem(String code, String field, String zh, String en, String nextZh, String nextEn) {
        list.add(new Finding(code, "PROBLEM", field, zh, en, nextZh, nextEn));
    }

    void warning(String code, String field, String zh, String en, String nextZh, String nextEn) {
        list.add(new Finding(code, "WARNING", field, zh, en, nextZh, nextEn));
    }

    void info(String code, String field, String zh, String en, String nextZh, String nextEn) {
        list.add(new Finding(code, "INFO", field, zh, en, nextZh, nextEn));
    }

    boolean has(String code) {
        return list.stream().anyMatch(f -> f.code().equals(code));
    }

    boolean hasProblems() {
        return list.stream().anyMatch(f -> f.severity().equals("PROBLEM"));
    }

    List<Finding> ordered() {
        List<String> severities = List.of("PROBLEM", "WARNING", "INFO");
        return list.stream().sorted(Comparator.comparingInt(f -> severities.indexOf(f.severity()))).toList();
    }
}
