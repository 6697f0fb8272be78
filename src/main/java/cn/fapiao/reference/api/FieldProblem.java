package cn.fapiao.reference.api;

import cn.fapiao.domain.Problem;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.NonNull;

import java.util.List;

@Description("Something wrong with one input field: which field, a stable code and a readable message.")
public record FieldProblem(
        @Description("The input field concerned, e.g. `code`, `number`, `taxId`, `amount`.") String field,
        @NonNull @Description("Stable problem code, e.g. INVALID_LENGTH, INVALID_CHARACTERS, INVALID_CHECKSUM.") String code,
        @NonNull @Description("What is wrong, in plain English.") String message) {

    public static List<FieldProblem> of(List<Problem> problems) {
        return problems.stream().map(p -> new FieldProblem(p.field(), p.code(), p.message())).toList();
    }
}
