"""The import rules of docs/architecture.md hold: the contracts in pyproject.toml are kept."""

import os
import subprocess
import sys
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
APPS = ["community", "cafes", "hiroba", "international", "projects", "volunteers", "nerima_portal"]


def _lint_imports(cwd: Path) -> subprocess.CompletedProcess:
    command = [str(Path(sys.executable).with_name("lint-imports")), "--no-cache"]
    env = {**os.environ, "PYTHONPATH": str(cwd)}
    return subprocess.run(command, cwd=cwd, capture_output=True, text=True, timeout=120, env=env)  # noqa: S603


def test_the_import_contracts_are_kept():
    result = _lint_imports(ROOT)

    assert result.returncode == 0, result.stdout + result.stderr
    assert "0 broken" in result.stdout


def _toy_project(tmp_path: Path, imports: dict[str, str]) -> Path:
    """Empty apps under the project's own contracts; `imports` gives a module's source by dotted name."""
    contracts = tomllib.loads((ROOT / "pyproject.toml").read_text())["tool"]["importlinter"]
    lines = ["[tool.importlinter]", f"root_packages = {contracts['root_packages']!r}".replace("'", '"')]
    for contract in contracts["contracts"]:
        lines += ["[[tool.importlinter.contracts]]"]
        lines += [f"{key} = {value!r}".replace("'", '"') for key, value in contract.items()]
    (tmp_path / "pyproject.toml").write_text("\n".join(lines) + "\n")
    for app in APPS:
        (tmp_path / app).mkdir()
        (tmp_path / app / "__init__.py").write_text("")
        (tmp_path / app / "queries.py").write_text("")
        (tmp_path / app / "models.py").write_text("")
    for name, source in imports.items():
        (tmp_path / (name.replace(".", "/") + ".py")).write_text(source)
    return tmp_path


def test_the_kernel_may_not_import_an_initiative_app(tmp_path):
    result = _lint_imports(_toy_project(tmp_path, {"community.models": "import cafes.models\n"}))

    assert result.returncode != 0
    assert "community is not allowed to import cafes" in result.stdout


def test_an_initiative_app_may_not_reach_into_another_apps_models(tmp_path):
    result = _lint_imports(_toy_project(tmp_path, {"hiroba.models": "import volunteers.models\n"}))

    assert result.returncode != 0
    assert "hiroba is not allowed to import volunteers" in result.stdout


def test_an_initiative_app_may_read_another_through_its_queries_module(tmp_path):
    result = _lint_imports(_toy_project(tmp_path, {"hiroba.models": "import volunteers.queries\n"}))

    assert result.returncode == 0, result.stdout


def test_an_initiative_app_may_not_import_the_site_app(tmp_path):
    result = _lint_imports(_toy_project(tmp_path, {"volunteers.models": "import nerima_portal.models\n"}))

    assert result.returncode != 0
    assert "volunteers is not allowed to import nerima_portal" in result.stdout
