using Cx.Domain.Tests.TestData;

[assembly: InvariantCulture]
