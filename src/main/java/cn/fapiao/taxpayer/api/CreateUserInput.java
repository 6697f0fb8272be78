package cn.fapiao.taxpayer.api;

import cn.fapiao.security.Role;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Input;
import org.eclipse.microprofile.graphql.NonNull;

import java.util.List;

@Input("CreateUserInput")
@Description("A new user of the admin's own organisation.")
public record CreateUserInput(
        @NonNull @Description("3-64 characters: lower-case letters, digits, `.`, `_`, `-`; unique across the system.") String username,
        @NonNull @Description("At least 10 characters (at most 72 bytes).") String password,
        String displayName,
        @NonNull @Description("At least one role.") List<@NonNull Role> roles) {
}
