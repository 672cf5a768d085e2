using ArtifactHub.Core.Security;

namespace ArtifactHub.Core.Tests;

public sealed class PermissionsTests
{
    [Fact]
    public void Without_a_scope_a_caller_may_do_what_their_privileges_allow()
    {
        var permissions = Permissions.From(["repository:go-*:read", "repository:go-hosted:write", Privilege.ReadAudit]);

        Assert.True(permissions.Can("go-proxy", RepositoryAction.Read));
        Assert.True(permissions.Can("go-hosted", RepositoryAction.Write));
        Assert.False(permissions.Can("go-proxy", RepositoryAction.Write));
        Assert.False(permissions.Can("go-hosted", RepositoryAction.Delete));
        Assert.False(permissions.Can("maven-x", RepositoryAction.Read));
        Assert.True(permissions.Has(Privilege.ReadAudit));
        Assert.False(permissions.Has(Privilege.ManageSecurity));
    }

    [Fact]
    public void A_token_narrowed_to_reading_b_can_read_b_and_nothing_else_whatever_its_user_may_do()
    {
        var permissions = Permissions.From(["repository:*:admin", Privilege.ManageRepositories], scope: ["repository:b:read"]);

        Assert.True(permissions.Can("b", RepositoryAction.Read));
        Assert.False(permissions.Can("b", RepositoryAction.Write));
        Assert.False(permissions.Can("b", RepositoryAction.Delete));
        Assert.False(permissions.Can("a", RepositoryAction.Read));
        Assert.False(permissions.Has(Privilege.ManageRepositories));
    }

    [Fact]
    public void A_scope_never_adds_to_what_the_user_may_do()
    {
        var permissions = Permissions.From(["repository:a:read"], scope: ["repository:*:admin", Privilege.ManageSecurity]);

        Assert.True(permissions.Can("a", RepositoryAction.Read));
        Assert.False(permissions.Can("a", RepositoryAction.Write));
        Assert.False(permissions.Can("b", RepositoryAction.Read));
        Assert.False(permissions.Has(Privilege.ManageSecurity));
    }

    [Fact]
    public void A_global_privilege_needs_both_the_user_and_the_scope()
    {
        Assert.True(Permissions.From([Privilege.ManageSecurity], scope: [Privilege.ManageSecurity]).Has(Privilege.ManageSecurity));
        Assert.False(Permissions.From([Privilege.ManageSecurity], scope: [Privilege.ReadAudit]).Has(Privilege.ManageSecurity));
        Assert.False(Permissions.From([Privilege.ReadAudit], scope: [Privilege.ManageSecurity]).Has(Privilege.ManageSecurity));
    }

    [Fact]
    public void An_empty_scope_allows_nothing_while_no_scope_allows_all_of_the_users()
    {
        Assert.False(Permissions.From(Privilege.All, scope: []).Can("a", RepositoryAction.Read));
        Assert.False(Permissions.From(Privilege.All, scope: []).Has(Privilege.ReadAudit));
        Assert.True(Permissions.From(Privilege.All).Can("a", RepositoryAction.Delete));
        Assert.True(Permissions.From(Privilege.All).Has(Privilege.ReadAudit));
    }

    [Fact]
    public void Unreadable_stored_privileges_grant_nothing()
    {
        var permissions = Permissions.From(["repository:a:b", "everything", "REPOSITORY:*:ADMIN"]);

        Assert.Empty(permissions.Granted);
        Assert.False(permissions.Can("a", RepositoryAction.Read));
        Assert.False(Permissions.None.Can("a", RepositoryAction.Read));
    }
}
