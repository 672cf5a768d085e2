using ArtifactHub.Core.Formats;
using ArtifactHub.Core.Group;
using ArtifactHub.Core.Repositories;
using FluentValidation;

namespace ArtifactHub.Server.Endpoints;

/// <summary>
/// The rules a repository must satisfy, the same on create and on change: the ones every format shares
/// (<see cref="RepositoryRequestValidator"/>), a format and type this server has, the format's own, and a group's
/// members (they exist, share its format, are listed once, and no group contains itself).
/// </summary>
public sealed class RepositoryRules(IValidator<RepositoryRequest> validator, RepositoryFormats formats, RepositoryHandlers handlers, GroupWalker groups)
{
    /// <param name="candidate">
    /// The repository as it would be: on a change, the stored one with the change applied, and the stored upstream
    /// credentials left out (they are checked when sent, never again).
    /// </param>
    /// <param name="checkMembers">Whether to check the group's members: always on create; on a change, when it names members.</param>
    public async Task<Dictionary<string, string[]>> ProblemsAsync(RepositoryRequest candidate, bool checkMembers, CancellationToken cancellationToken)
    {
        var errors = ValidationProblems.Of(await validator.ValidateAsync(candidate, cancellationToken));
        if (errors.Count > 0)
        {
            return errors; // the rest needs a well-formed request
        }

        var type = candidate.Type!.Value;
        if (formats.Find(candidate.Format) is not { } format)
        {
            errors.Add("format", $"Unknown format '{candidate.Format}'. Known: {string.Join(", ", formats.Names)}.");
            return errors;
        }

        if (!handlers.Supports(format.Name, type))
        {
            errors.Add("type", $"{format.Name} {type.ToString().ToLowerInvariant()} repositories are not supported yet.");
            return errors;
        }

        var settings = new RepositorySettings { Hosted = candidate.Hosted, Proxy = candidate.Proxy, Group = candidate.Group }.ForType(type);
        foreach (var (field, message) in format.Check(type, settings))
        {
            errors.Add(field, message);
        }

        if (checkMembers && candidate.Group is { } group)
        {
            foreach (var problem in await MemberProblemsAsync(candidate.Name!, format.Name, group.Members, cancellationToken))
            {
                errors.Add("group.members", problem);
            }
        }

        return errors;
    }

    private async Task<List<string>> MemberProblemsAsync(string groupName, string format, IReadOnlyList<string> members, CancellationToken cancellationToken)
    {
        var problems = new List<string>();
        if (members.Count == 0)
        {
            problems.Add("A group needs at least one member.");
        }

        var self = RepositoryName.Normalize(groupName);
        var names = members.Select(RepositoryName.Normalize).ToList();
        foreach (var name in names)
        {
            if (await groups.FindAsync(name, cancellationToken) is not { } member)
            {
                problems.Add($"Member '{name}' does not exist.");
            }
            else if (member.Format != format)
            {
                problems.Add($"Member '{name}' is a {member.Format} repository, not {format}.");
            }
            else if (await groups.ReachesAsync(name, self, cancellationToken))
            {
                problems.Add($"Member '{name}' would make a cycle: it contains '{self}'.");
            }
        }

        if (names.Distinct().Count() != names.Count)
        {
            problems.Add("A member is listed twice.");
        }

        return problems;
    }
}
