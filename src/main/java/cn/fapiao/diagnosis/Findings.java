package cn.fapiao.diagnosis;

import cn.fapiao.diagnosis.api.Finding;
import cn.fapiao.diagnosis.api.FindingSeverity;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** Collects findings of one diagnosis and orders them: problems first, then warnings, then information. */
final class Findings {

    private final List<Finding> list = new ArrayList<>();

    void problem(String code, String field, String zh, String en, String nextZh, String nextEn) {
        list.add(new Finding(code, FindingSeverity.PROBLEM, field, zh, en, nextZh, nextEn));
    }

    void warning(String code, String field, String zh, String en, String nextZh, String nextEn) {
        list.add(new Finding(code, FindingSeverity.WARNING, field, zh, en, nextZh, nextEn));
    }

    void info(String code, String field, String zh, String en, String nextZh, String nextEn) {
        list.add(new Finding(code, FindingSeverity.INFO, field, zh, en, nextZh, nextEn));
    }

    boolean has(String code) {
        return list.stream().anyMatch(f -> f.code().equals(code));
    }

    boolean hasProblems() {
        return list.stream().anyMatch(f -> f.severity() == FindingSeverity.PROBLEM);
    }

    List<Finding> ordered() {
        return list.stream().sorted(Comparator.comparingInt(f -> f.severity().ordinal())).toList();
    }
}
