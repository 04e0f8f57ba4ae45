#!/usr/bin/env pwsh
# Thin build entry point: `dotnet tool restore && dotnet pwsh ./build.ps1 <target>`.
# CI runs plain `dotnet test`; this script only saves typing.
param(
    [ValidateSet('build', 'test', 'demo', 'etl', 'bench', 'clean')]
    [string] $Target = 'build',
    [string] $Configuration = 'Release',
    # Extra arguments passed through to the program (demo, etl, bench).
    [string[]] $Rest = @()
)

$ErrorActionPreference = 'Stop'
Set-Location $PSScriptRoot

function Invoke-Dotnet {
    & dotnet @args
    if ($LASTEXITCODE -ne 0) { throw "dotnet $($args -join ' ') failed with exit code $LASTEXITCODE" }
}

switch ($Target) {
    'build' { Invoke-Dotnet build Streamline.sln -c $Configuration }
    'test'  { Invoke-Dotnet test Streamline.sln -c $Configuration }
    'demo'  { Invoke-Dotnet run --project src/Streamline.Host -c $Configuration -- demo @Rest }
    'etl'   { Invoke-Dotnet run --project src/Streamline.Host -c $Configuration -- etl @Rest }
    'bench' { Invoke-Dotnet run --project tests/Streamline.Benchmarks -c Release -- @Rest }
    'clean' { Invoke-Dotnet clean Streamline.sln -c $Configuration }
}
