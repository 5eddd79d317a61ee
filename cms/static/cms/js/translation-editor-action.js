// Names the translation editor's main action as the server decided (see the template
// cms/templates/wagtail_localize/admin/edit_translation.html). Runs after the editor's
// script has loaded and before it renders, on DOMContentLoaded.
(() => {
    const action = JSON.parse(
        document.getElementById('translation-editor-action').textContent,
    );
    const editor = document.querySelector('.js-translation-editor');
    const props = JSON.parse(editor.dataset.props);
    props.perms.canPublish = true;
    editor.dataset.props = JSON.stringify(props);
    // The editor writes gettext('Publish in ') + the locale's name.
    window.django.catalog['Publish in '] = action.label;
    window.django.catalog['Publishing...'] = action.progress;
})();
