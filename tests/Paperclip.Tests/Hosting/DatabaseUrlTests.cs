using Npgsql;
using Paperclip.Gateway.Hosting;

namespace Paperclip.Tests.Hosting;

public sealed class DatabaseUrlTests
{
    [Fact]
    public void DatabaseUrlPassesAPercentEncodedPasswordToNpgsql()
    {
        var connectionString = DatabaseUrl.ToConnectionString("postgres://app:p%40ss%2Fw%3Ard@db.example:6543/paperclip");
        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        Assert.Equal(("app", "p@ss/w:rd", "db.example", 6543, "paperclip"),
            (builder.Username, builder.Password, builder.Host, builder.Port, builder.Database));
    }
}
