namespace TrustAdvisor.Web.Tests.Fixtures;

/// <summary>PostgreSQL with the demo team, as a new installation with demo data has it.</summary>
public sealed class PostgresDemoApp : PostgresApp
{
    protected override bool DemoData => true;
}
