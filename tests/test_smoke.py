def test_health_check_answers_ok_after_a_database_round_trip(client):
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.json == {"status": "ok"}


def test_login_and_home(client, login_as):
    login_as("hr")
    response = client.get("/")
    assert response.status_code == 200
    assert "Rita Rh" in response.get_data(as_text=True)
