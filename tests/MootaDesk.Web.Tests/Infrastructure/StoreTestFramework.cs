using Xunit.Abstractions;
using Xunit.Sdk;

[assembly: Xunit.TestFramework("MootaDesk.Web.Tests.Infrastructure.StoreTestFramework", "MootaDesk.Web.Tests")]

namespace MootaDesk.Web.Tests.Infrastructure;

/// <summary>
/// xunit's own framework, except that test classes on PostgreSQL (<see cref="IOnPostgreSql"/>) are not discovered when no
/// server is configured outside CI: xunit 2 cannot skip a test at run time, and a developer without PostgreSQL should
/// still see a green SQLite run. Under <c>CI=true</c> they are always discovered, so a missing server fails the run.
/// </summary>
public sealed class StoreTestFramework(IMessageSink messageSink) : XunitTestFramework(messageSink)
{
    protected override ITestFrameworkDiscoverer CreateDiscoverer(IAssemblyInfo assemblyInfo) =>
        new Discoverer(assemblyInfo, SourceInformationProvider, DiagnosticMessageSink);

    private sealed class Discoverer(IAssemblyInfo assembly, ISourceInformationProvider source, IMessageSink diagnostics)
        : XunitTestFrameworkDiscoverer(assembly, source, diagnostics)
    {
        protected override bool IsValidTestClass(ITypeInfo type) =>
            base.IsValidTestClass(type)
            && (OnPostgreSql.Runs || !typeof(IOnPostgreSql).IsAssignableFrom(type.ToRuntimeType()));
    }
}
