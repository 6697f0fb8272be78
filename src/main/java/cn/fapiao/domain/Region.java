package cn.fapiao.domain;

/**
 * A tax region an invoice is routed to: a province-level division or a separately planned
 * city (计划单列市), which runs its own tax bureau.
 *
 * @param code        four digits, e.g. {@code "1100"} for Beijing or {@code "4403"} for Shenzhen
 * @param name        English name
 * @param chineseName Chinese name, e.g. 北京
 */
public record Region(String code, String name, String chineseName) {
}
