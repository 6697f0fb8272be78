package cn.fapiao.taxpayer;

import cn.fapiao.audit.AuditTrail;
import cn.fapiao.security.CallerContext;
import cn.fapiao.taxpayer.api.CreateUserInput;
import cn.fapiao.taxpayer.api.UpdateUserInput;
import cn.fapiao.taxpayer.api.UserInfo;
import io.smallrye.mutiny.Uni;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Mutation;
import org.eclipse.microprofile.graphql.Name;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Query;

import java.util.List;

/** User management for admins of an organisation. */
@GraphQLApi
public class UserAdminResource {

    private final UserAdminService users;
    private final CallerContext callers;
    private final AuditTrail audit;

    public UserAdminResource(UserAdminService users, CallerContext callers, AuditTrail audit) {
        this.users = users;
        this.callers = callers;
        this.audit = audit;
    }

    @Query
    @Description("The users of the caller's organisation. Role: ADMIN.")
    public Uni<@NonNull List<@NonNull UserInfo>> users() {
        return callers.current().chain(caller -> users.list(caller)).map(list -> list.stream().map(UserInfo::of).toList());
    }

    @Mutation
    @Description("Creates a user in the caller's organisation. Role: ADMIN. Errors: VALIDATION_FAILED, USERNAME_TAKEN.")
    public Uni<@NonNull UserInfo> createUser(@Name("input") @NonNull CreateUserInput input) {
        String address = callers.clientAddress();
        return callers.current().chain(caller -> audit.track(caller, "createUser", input.username(), address,
                () -> users.create(caller, input).map(UserInfo::of)));
    }

    @Mutation
    @Description("Changes roles, name, password or active flag of a user of the caller's organisation; disabling or a new password ends the user's sessions, "
            + "new roles make the user's access tokens refresh (within seconds). Role: ADMIN. Errors: VALIDATION_FAILED, USER_NOT_FOUND.")
    public Uni<@NonNull UserInfo> updateUser(@Name("input") @NonNull UpdateUserInput input) {
        String address = callers.clientAddress();
        return callers.current().chain(caller -> audit.track(caller, "updateUser", input.id(), address,
                () -> users.update(caller, input).map(UserInfo::of)));
    }

    @Mutation
    @Description("Removes the second factor of a user of the caller's organisation (a lost device, or one an intruder set up) and ends the user's sessions; "
            + "the user logs in with the password and enrols again where the organisation requires it. Not for the admin's own. Role: ADMIN. Errors: USER_NOT_FOUND, VALIDATION_FAILED.")
    public Uni<@NonNull UserInfo> resetTotp(@Name("id") @NonNull @Id String id) {
        String address = callers.clientAddress();
        return callers.current().chain(caller -> audit.track(caller, "resetTotp", id, address,
                () -> users.resetTotp(caller, id).map(UserInfo::of)));
    }
}
