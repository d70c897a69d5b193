using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;

namespace TrustAdvisor.Infrastructure.Persistence;

/// <summary>
/// A compiled EF Core query (EF.CompileAsyncQuery) keeps the database provider it first ran on, and the app has two
/// (PostgreSQL and SQLite, which the tests run side by side): one compiled copy per DbContext type.
/// </summary>
public sealed class PerProvider<TQuery>(Func<TQuery> compile)
    where TQuery : class
{
    private readonly ConcurrentDictionary<Type, TQuery> _compiled = new();

    public TQuery For(DbContext db)
    {
        ArgumentNullException.ThrowIfNull(db);
        return _compiled.GetOrAdd(db.GetType(), _ => compile());
    }
}
