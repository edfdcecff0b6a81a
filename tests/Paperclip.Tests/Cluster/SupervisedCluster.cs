using Paperclip.Tests.Infrastructure;

namespace Paperclip.Tests.Cluster;

/// <summary>
/// Three silos started by <c>deploy/up.sh --silos 3</c>, all serving HTTP on one port, shared by
/// the failure tests (one start instead of four; each test waits until all three serve again).
/// </summary>
public sealed class SupervisedCluster : IAsyncLifetime
{
    public const int Silos = 3;
    private TestDatabase? _database;
    private UpScript? _system;

    public TestDatabase Database => _database ?? throw new InvalidOperationException("not started");
    public UpScript System => _system ?? throw new InvalidOperationException("not started");

    public async Task InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync();
        _system = await UpScript.StartAsync(_database, Silos, TimeSpan.FromSeconds(150));
    }

    public async Task DisposeAsync()
    {
        if (_system is not null)
        {
            await _system.DisposeAsync();
        }
    }

    /// <summary>A fresh company with two agents (own keys and runs) for one test's load.</summary>
    public async Task<(ApiClient Board, Guid Company, AgentSession First, AgentSession Second)> TenantAsync()
    {
        var board = System.NewClient();
        var company = await Setup.CompanyAsync(board);
        return (board, company, await AgentSession.CreateAsync(board, company), await AgentSession.CreateAsync(board, company));
    }
}
