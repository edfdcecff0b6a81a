using Paperclip.Grains;

namespace Paperclip.Tests.Infrastructure;

/// <summary>Creates the records grain tests build on, straight through the grains, with fresh keys.</summary>
public static class GrainSetup
{
    public static readonly Actor Board = Actor.LocalBoard(runId: null);

    public static Actor AgentActor(Agent agent) =>
        new(ActorType.Agent, null, agent.Id, agent.CompanyId, null, "agent_key", false);

    /// <summary>A company whose name starts with a stem no other test uses, so its prefix is exactly that stem.</summary>
    public static async Task<Company> CompanyAsync(IGrainFactory grains, string? name = null)
    {
        var now = Clock.Truncate(DateTimeOffset.UtcNow);
        var id = Guid.NewGuid();
        var reply = await grains.GetGrain<ICompanyGrain>(id).CreateAsync(
            new Company { Id = id, Name = name ?? $"{UniqueStems.Next()} Company", CreatedAt = now, UpdatedAt = now });
        Assert.Equal(ReplyStatus.Created, reply.Status);
        return reply.Value!;
    }

    public static async Task<Agent> AgentAsync(IGrainFactory grains, Guid companyId, string status = "idle", string role = "general", string permissionsJson = "{}")
    {
        var now = Clock.Truncate(DateTimeOffset.UtcNow);
        var id = Guid.NewGuid();
        var reply = await grains.GetGrain<IAgentGrain>(id).CreateAsync(new Agent
        {
            Id = id, CompanyId = companyId, Name = $"agent-{id:N}"[..14], Status = status, Role = role,
            PermissionsJson = permissionsJson, CreatedAt = now, UpdatedAt = now,
        });
        Assert.Equal(ReplyStatus.Created, reply.Status);
        return reply.Value!;
    }

    /// <summary>A goal; pass <paramref name="createdAt"/> when a test depends on which goal is earliest.</summary>
    public static async Task<Goal> GoalAsync(
        IGrainFactory grains, Guid companyId, string level = "task", string status = "planned", Guid? parentId = null, DateTime? createdAt = null)
    {
        var now = createdAt ?? Clock.Truncate(DateTimeOffset.UtcNow);
        var id = Guid.NewGuid();
        var reply = await grains.GetGrain<IGoalGrain>(id).CreateAsync(new Goal
        {
            Id = id, CompanyId = companyId, Title = $"Goal {id:N}", Level = level, Status = status, ParentId = parentId,
            CreatedAt = now, UpdatedAt = now,
        });
        Assert.Equal(ReplyStatus.Created, reply.Status);
        return reply.Value!;
    }

    public static async Task<Project> ProjectAsync(IGrainFactory grains, Guid companyId)
    {
        var now = Clock.Truncate(DateTimeOffset.UtcNow);
        var id = Guid.NewGuid();
        var reply = await grains.GetGrain<IProjectGrain>(id).CreateAsync(
            new Project { Id = id, CompanyId = companyId, Name = $"Project {id:N}", CreatedAt = now, UpdatedAt = now });
        Assert.Equal(ReplyStatus.Created, reply.Status);
        return reply.Value!;
    }

    public static async Task<Reply<Label>> TryLabelAsync(IGrainFactory grains, Guid companyId, string name)
    {
        var now = Clock.Truncate(DateTimeOffset.UtcNow);
        var id = Guid.NewGuid();
        return await grains.GetGrain<ILabelGrain>(id).CreateAsync(
            new Label { Id = id, CompanyId = companyId, Name = name, Color = "#123456", CreatedAt = now, UpdatedAt = now });
    }

    public static async Task<Label> LabelAsync(IGrainFactory grains, Guid companyId, string? name = null)
    {
        var reply = await TryLabelAsync(grains, companyId, name ?? $"label-{Guid.NewGuid():N}");
        Assert.Equal(ReplyStatus.Created, reply.Status);
        return reply.Value!;
    }

    /// <summary>Sends a create to a fresh issue grain and returns the reply as is.</summary>
    public static Task<Reply<Issue>> TryIssueAsync(IGrainFactory grains, NewIssue command, Actor? actor = null) =>
        grains.GetGrain<IIssueGrain>(Guid.NewGuid()).CreateAsync(command, actor ?? Board);

    public static async Task<Issue> IssueAsync(IGrainFactory grains, Guid companyId, Guid? parentId = null)
    {
        var reply = await TryIssueAsync(grains, new NewIssue { CompanyId = companyId, Title = "An issue", ParentId = parentId });
        Assert.True(reply.Status == ReplyStatus.Created, $"{reply.Status}: {reply.Error}");
        return reply.Value!;
    }
}
