package cn.fapiao.taxpayer.api;

import cn.fapiao.security.Role;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Input;
import org.eclipse.microprofile.graphql.NonNull;

import java.util.List;

@Input("UpdateUserInput")
@Description("Changes to a user of the admin's own organisation; omitted fields stay as they are.")
public record UpdateUserInput(
        @Id @NonNull String id,
        String displayName,
        @Description("The complete new set of roles.") List<Role> roles,
        @Description("False disables the user and ends their sessions.") Boolean active,
        @Description("A new password (ends the user's sessions).") String password) {
}
