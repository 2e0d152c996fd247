export default definePageConfig({
  navigationBarTitleText: '工作站管理',
});
