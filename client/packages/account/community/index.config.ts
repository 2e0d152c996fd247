export default definePageConfig({
  navigationBarTitleText: '我的社区',
});
