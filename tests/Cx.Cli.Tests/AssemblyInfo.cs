using Cx.Cli.Tests.TestData;

[assembly: InvariantCulture]
